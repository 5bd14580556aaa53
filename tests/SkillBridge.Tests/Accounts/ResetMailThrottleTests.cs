using System.Net;
using AngleSharp.Html.Dom;
using SkillBridge.Core.Accounts;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Accounts;

/// <summary>Forgotten-password mail stops after a few per address and per client an hour; the page never says so.</summary>
public sealed class ResetMailThrottleTests : IDisposable
{
    private readonly SmtpServer _sink = new();
    private readonly SkillBridgeWebFactory _factory = new();

    public ResetMailThrottleTests() => _factory.UseSmtp(_sink);

    public void Dispose()
    {
        _factory.Dispose();
        _sink.Dispose();
    }

    [Fact]
    public async Task ForgotPassword_PastThreePerAddress_SaysTheSameAndMailsNothingMore()
    {
        await _factory.CreateAccountAsync("often.forgets");
        var pages = new List<string>();
        for (var i = 0; i < ThrottleKeys.ResetMailsPerAddress + 2; i++)
        {
            // A new client address each time: only the per-address limit applies.
            using var client = _factory.CreateBrowser($"192.0.2.{100 + i}");
            pages.Add(await AskAsync(client, "often.forgets@test.example"));
        }

        Assert.Single(pages.Distinct());
        await _factory.DeliverMailAsync();
        Assert.Equal(ThrottleKeys.ResetMailsPerAddress, _sink.Messages.Count);
        Assert.Contains(await _factory.AuditAsync(AuditAction.ResetMailThrottled), e => e.Subject == "often.forgets@test.example");
    }

    [Fact]
    public async Task ForgotPassword_PastTenPerClient_MailsNothingMore()
    {
        for (var i = 0; i < 12; i++)
        {
            await _factory.CreateAccountAsync($"colleague{i}");
        }

        using var client = _factory.CreateBrowser("203.0.113.200");
        var pages = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            pages.Add(await AskAsync(client, $"colleague{i}@test.example"));
        }

        Assert.Single(pages.Distinct());
        await _factory.DeliverMailAsync();
        Assert.Equal(ThrottleKeys.ResetMailsPerClient, _sink.Messages.Count);
    }

    [Fact]
    public async Task ForgotPassword_UnknownAndKnownAddress_GiveTheSamePage()
    {
        await _factory.CreateAccountAsync("known.address");
        using var client = _factory.CreateBrowser("192.0.2.150");

        var known = await AskAsync(client, "known.address@test.example");
        var unknown = await AskAsync(client, "unknown.address@test.example");

        Assert.Equal(known, unknown);
    }

    /// <summary>Posts the form, follows the redirect, and returns the page's main text.</summary>
    private static async Task<string> AskAsync(HttpClient client, string email)
    {
        var form = (IHtmlFormElement)(await client.GetPageAsync("/account/forgotpassword")).QuerySelector("form.account-form")!;
        using var asked = await client.SubmitAsync(form, [new("Input.Email", email)]);
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var page = await client.GetPageAsync(asked.Headers.Location!.OriginalString);
        return asked.Headers.Location.OriginalString + "\n" + page.Text("main");
    }
}
