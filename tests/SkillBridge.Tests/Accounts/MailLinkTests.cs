using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SkillBridge.Core.Data;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Accounts;

/// <summary>
/// Links in mail come from SkillBridge:SiteUrl only. Today's attack: a forged Host header on the forgotten-password form
/// mailed the reset link to the attacker's host. Without SiteUrl, mail stays off and /health says why.
/// </summary>
public sealed partial class MailLinkTests : IDisposable
{
    private readonly SmtpServer _smtp = new();
    private readonly SkillBridgeWebFactory _factory = new();

    public void Dispose()
    {
        _factory.Dispose();
        _smtp.Dispose();
    }

    [Theory]
    [InlineData("attacker.example")]
    [InlineData("127.0.0.1:8443")]
    public async Task ForgotPassword_ForgedHostHeader_MailsALinkToTheSiteUrlOnly(string host)
    {
        _factory.UseSmtp(_smtp);
        await _factory.CreateAccountAsync("forged.host");
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri($"http://{host}/") });

        using var page = await client.GetAsync("/account/forgotpassword");
        if (page.StatusCode == HttpStatusCode.BadRequest)
        {
            // The site refuses hosts it does not serve (AllowedHosts): then nothing can be mailed through one.
            await _factory.DeliverMailAsync();
            Assert.Empty(_smtp.Messages);
            return;
        }

        var form = (IHtmlFormElement)HtmlPages.Parse(await page.Content.ReadAsStringAsync()).QuerySelector("form.account-form")!;
        using var asked = await client.SubmitAsync(form, [new("Input.Email", "forged.host@test.example")]);
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        await _factory.DeliverMailAsync();

        var mail = Assert.Single(_smtp.Messages);
        var links = Link().Matches(mail.Body).Select(m => m.Value).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.StartsWith(SkillBridgeWebFactory.TestSiteUrl + "/account/resetpassword?", link, StringComparison.Ordinal));
        Assert.DoesNotContain(host, mail.Raw, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ForgotPassword_ForgedHostAndSmtpWithoutSiteUrl_SendsNothingAndHealthSaysWhy()
    {
        _factory.UseSmtp(_smtp);
        _factory.Settings.Remove("SkillBridge:SiteUrl");
        await _factory.CreateAccountAsync("no.site.url");
        using var client = _factory.CreateBrowser();
        using var forged = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://attacker.example/") });

        // Today this mailed http://attacker.example/account/resetpassword?... with a working token.
        using var page = await forged.GetAsync("/account/forgotpassword");
        var form = (IHtmlFormElement?)HtmlPages.Parse(await page.Content.ReadAsStringAsync()).QuerySelector("form.account-form");
        if (form is not null)
        {
            (await forged.SubmitAsync(form, [new("Input.Email", "no.site.url@test.example")])).Dispose();
        }

        await _factory.DeliverMailAsync();
        Assert.Empty(_smtp.Messages);
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().OutboxMessages.CountAsync());
        }

        var health = await client.GetPageAsync("/health");
        Assert.Contains("Mail is off", health.Text("#health-mail"), StringComparison.Ordinal);
        Assert.Contains("SkillBridge:SiteUrl", health.Text("#health-mail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SmtpWithoutSiteUrl_LogsAWarningSayingWhyMailIsOff()
    {
        var log = new CapturedLog();
        using var factory = new SkillBridgeWebFactory { TestServices = services => services.AddSingleton<ILoggerProvider>(log) };
        factory.UseSmtp(_smtp);
        factory.Settings.Remove("SkillBridge:SiteUrl");

        using var client = factory.CreateBrowser();
        using var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith("Mail is off", StringComparison.Ordinal) && e.Message.Contains("SkillBridge:SiteUrl", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invite_SmtpWithoutSiteUrl_ShowsTheLinkToTheAdminInsteadOfMailing()
    {
        _factory.UseSmtp(_smtp);
        _factory.Settings.Remove("SkillBridge:SiteUrl");
        using var admin = await _factory.SignedInClientAsync("nosite.admin", Core.Accounts.Roles.Admin);
        var form = (IHtmlFormElement)(await admin.GetPageAsync("/admin/invitations")).QuerySelector("form.invite-form")!;

        using var response = await admin.SubmitAsync(form, [new("Invite.Email", "unmailed@example.com")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.NotNull(page.QuerySelector("#invitation-link"));
        await _factory.DeliverMailAsync();
        Assert.Empty(_smtp.Messages);
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();

    /// <summary>Keeps what the site logs, to check a start-up message.</summary>
    private sealed class CapturedLog : ILoggerProvider
    {
        private readonly List<(LogLevel Level, string Message)> _entries = [];

        public IReadOnlyList<(LogLevel Level, string Message)> Entries
        {
            get
            {
                lock (_entries)
                {
                    return [.. _entries];
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturedLog log) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (log._entries)
                {
                    log._entries.Add((logLevel, formatter(state, exception)));
                }
            }
        }
    }
}
