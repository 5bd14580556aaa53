using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Data;
using SkillBridge.Core.Mail;
using SkillBridge.Core.Outbox;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Admin;

/// <summary>Admin › Mail lists queued and failed mail; Retry makes a failed one due, and it is then delivered.</summary>
public sealed class MailPageTests : IDisposable
{
    private readonly SmtpServer _smtp = new();
    private readonly SkillBridgeWebFactory _factory = new();

    public MailPageTests() => _factory.UseSmtp(_smtp);

    public void Dispose()
    {
        _factory.Dispose();
        _smtp.Dispose();
    }

    [Fact]
    public async Task Get_AFailedMail_IsListedWithItsErrorAndARetryButton()
    {
        var id = await AddFailedAsync("failed.reader@example.com", "Your weekly summary");
        using var admin = await _factory.SignedInClientAsync("mail.admin", Roles.Admin);

        var page = await admin.GetPageAsync("/admin/mail");

        Assert.Equal("Queued and failed mail, failed first", page.Text("table.outbox caption"));
        var row = page.QuerySelector($"#outbox-{id}")!;
        Assert.Equal("failed.reader@example.com", row.QuerySelector(".outbox-to")!.TextContent);
        Assert.Equal("Your weekly summary", row.QuerySelector(".outbox-subject")!.TextContent);
        Assert.Equal("Failed", row.QuerySelector(".outbox-state")!.TextContent);
        Assert.Equal("5", row.QuerySelector(".outbox-attempts")!.TextContent);
        Assert.Equal("Connection refused", row.QuerySelector(".outbox-error")!.TextContent);
        Assert.Equal("Retry", row.QuerySelector("form button[type=submit]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Retry_AFailedMail_MakesItDueAndItIsDelivered()
    {
        var id = await AddFailedAsync("retry.reader@example.com", "Try me again");
        using var admin = await _factory.SignedInClientAsync("retry.admin", Roles.Admin);
        var form = (IHtmlFormElement)(await admin.GetPageAsync("/admin/mail")).QuerySelector($"#outbox-{id} form")!;

        using var response = await admin.SubmitAsync(form, []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("The mail will be sent again now.", (await admin.GetPageAsync("/admin/mail")).Text("#page-message-text"));
        await _factory.DeliverMailAsync();
        var mail = Assert.Single(_smtp.Messages);
        Assert.Equal(["retry.reader@example.com"], mail.To);
        Assert.Equal("Try me again", mail.Subject);
        await using var scope = _factory.Services.CreateAsyncScope();
        Assert.Equal(OutboxState.Sent, (await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().OutboxMessages.SingleAsync(m => m.Id == id)).State);
    }

    [Fact]
    public async Task Retry_ByANonAdmin_IsForbiddenAndChangesNothing()
    {
        var id = await AddFailedAsync("kept.failed@example.com", "Stay failed");
        using var admin = await _factory.SignedInClientAsync("form.admin", Roles.Admin);
        var form = (IHtmlFormElement)(await admin.GetPageAsync("/admin/mail")).QuerySelector($"#outbox-{id} form")!;
        using var curator = await _factory.SignedInClientAsync("mail.curator", Roles.Curator);
        var token = (await curator.GetPageAsync("/account/settings")).QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;

        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        using var response = await curator.PostAsync(form.GetAttribute("action"), content);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var scope = _factory.Services.CreateAsyncScope();
        Assert.Equal(OutboxState.Failed, (await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().OutboxMessages.SingleAsync(m => m.Id == id)).State);
    }

    /// <summary>A row as the sender leaves it after the last retry (added directly, so no sender picks it up first).</summary>
    private async Task<long> AddFailedAsync(string to, string subject)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>();
        var row = new OutboxMessage
        {
            Kind = OutboxKinds.Mail,
            Recipient = to,
            Summary = subject,
            Payload = JsonSerializer.Serialize(new OutgoingMail(to, subject, "Hello."), MailOutbox.Json),
            MessageId = $"{Guid.NewGuid():N}@skills.example.com",
            State = OutboxState.Failed,
            Attempts = 5,
            LastError = "Connection refused",
            CreatedAt = DateTime.UtcNow.AddHours(-3),
            NextAttemptAt = DateTime.UtcNow.AddHours(-1),
        };
        db.OutboxMessages.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }
}
