using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using SkillBridge.Core.Accounts;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Accounts;

/// <summary>With SkillBridge:Smtp configured, invitations and password resets go out by mail, to a real SMTP listener.</summary>
public sealed partial class MailTests : IDisposable
{
    private readonly SmtpServer _sink = new();
    private readonly SkillBridgeWebFactory _factory = new();

    public MailTests() => _factory.UseSmtp(_sink);

    public void Dispose()
    {
        _factory.Dispose();
        _sink.Dispose();
    }

    [Fact]
    public async Task Invite_WithSmtp_MailsALinkThatCreatesTheAccount()
    {
        using var admin = await _factory.SignedInClientAsync("mail.admin", Roles.Admin);
        var form = (IHtmlFormElement)(await admin.GetPageAsync("/admin/invitations")).QuerySelector("form.invite-form")!;

        using var response = await admin.SubmitAsync(form, [new("Invite.Email", "mailed@example.com")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await admin.GetPageAsync("/admin/invitations");
        Assert.Equal("Invitation sent to mailed@example.com.", page.Text("#page-message-text"));
        Assert.Null(page.QuerySelector("#invitation-link"));
        await _factory.DeliverMailAsync();
        var mail = Assert.Single(_sink.Messages);
        Assert.Equal(["mailed@example.com"], mail.To);
        Assert.Equal("You are invited to SkillBridge", mail.Subject);

        using var invitee = _factory.CreateBrowser();
        using var accepted = await InvitationTests.AcceptAsync(invitee, LinkIn(mail.Body), "mailed");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }

    [Fact]
    public async Task ForgotPassword_WithSmtp_MailsALinkThatSetsANewPassword()
    {
        await _factory.CreateAccountAsync("forgetter");
        using var client = _factory.CreateBrowser();
        var form = (IHtmlFormElement)(await client.GetPageAsync("/account/forgotpassword")).QuerySelector("form.account-form")!;

        using var asked = await client.SubmitAsync(form, [new("Input.Email", "forgetter@test.example")]);

        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        await _factory.DeliverMailAsync();
        var mail = Assert.Single(_sink.Messages);
        Assert.Equal(["forgetter@test.example"], mail.To);
        var resetForm = (IHtmlFormElement)(await client.GetPageAsync(new Uri(LinkIn(mail.Body)).PathAndQuery)).QuerySelector("form.account-form")!;
        using var reset = await client.SubmitAsync(resetForm, [new("Input.NewPassword", "my fresh passphrase"), new("Input.ConfirmPassword", "my fresh passphrase")]);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        await client.SignInAsync("forgetter", "my fresh passphrase");
        Assert.Contains(await _factory.AuditAsync(AuditAction.PasswordReset), e => e.Subject == "forgetter");
    }

    [Fact]
    public async Task ForgotPassword_UnknownAddress_SaysTheSameAndSendsNothing()
    {
        using var client = _factory.CreateBrowser();
        var form = (IHtmlFormElement)(await client.GetPageAsync("/account/forgotpassword")).QuerySelector("form.account-form")!;

        using var asked = await client.SubmitAsync(form, [new("Input.Email", "nobody@example.com")]);

        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        await _factory.DeliverMailAsync();
        Assert.Empty(_sink.Messages);
    }

    private static string LinkIn(string body) => Link().Match(body).Value;

    [GeneratedRegex(@"https://skills\.example\.com/account/\S+")]
    private static partial Regex Link();
}
