using AngleSharp.Dom;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Data;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Accounts;

/// <summary>Every sign-in cookie names a session row; ending the row signs that cookie out, copies included.</summary>
public sealed class SessionTests(SignInSite site) : IClassFixture<SignInSite>
{
    private SkillBridgeWebFactory Factory => site.Factory;

    [Fact]
    public async Task SignIn_StartsASessionRowWithAddressAndBrowser()
    {
        var name = Infrastructure.Accounts.UniqueName("session");
        var user = await Factory.CreateAccountAsync(name);
        using var client = Factory.CreateBrowser("192.0.2.80");
        client.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0");

        await client.SignInAsync(name);

        var session = Assert.Single(await SessionsOfAsync(user.Id));
        Assert.Equal("192.0.2.80", session.ClientAddress);
        Assert.Equal("Firefox on Windows", session.Browser);
        Assert.Equal(site.Clock.GetUtcNow().UtcDateTime, session.CreatedAt, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task CopiedCookie_AfterSignOut_IsRefused()
    {
        var name = Infrastructure.Accounts.UniqueName("copied");
        var user = await Factory.CreateAccountAsync(name);
        using var client = Factory.CreateBrowser();
        await client.SignInAsync(name);
        var cookie = await client.SignInCookieAsync();
        var form = (IHtmlFormElement)(await client.GetPageAsync("/")).QuerySelector(".account-nav form")!;
        using (var signedOut = await client.SubmitAsync(form, []))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        }

        using var replayed = await GetWithCookieAsync(Factory, cookie, "/account/settings");

        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/account/signin", replayed.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Empty(await SessionsOfAsync(user.Id));
    }

    [Fact]
    public async Task CopiedCookie_BeforeSignOut_Works()
    {
        var name = Infrastructure.Accounts.UniqueName("copy.ok");
        await Factory.CreateAccountAsync(name);
        using var client = Factory.CreateBrowser();
        await client.SignInAsync(name);

        using var replayed = await GetWithCookieAsync(Factory, await client.SignInCookieAsync(), "/account/settings");

        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
    }

    [Fact]
    public async Task PasswordChange_OnASecondSession_SignsTheFirstOut()
    {
        var name = Infrastructure.Accounts.UniqueName("two.browsers");
        await Factory.CreateAccountAsync(name);
        using var first = Factory.CreateBrowser();
        await first.SignInAsync(name);
        using var second = Factory.CreateBrowser();
        await second.SignInAsync(name);
        var form = (IHtmlFormElement)(await second.GetPageAsync("/account/changepassword")).QuerySelector("form.account-form")!;

        using (var changed = await second.SubmitAsync(form,
            [new("Input.CurrentPassword", Infrastructure.Accounts.Password), new("Input.NewPassword", "another long passphrase"), new("Input.ConfirmPassword", "another long passphrase")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await first.GetAsync("/account/settings")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/account/settings")).StatusCode);
    }

    [Fact]
    public async Task RoleRemoval_EndsThePersonsSessions()
    {
        var name = Infrastructure.Accounts.UniqueName("demoted");
        var user = await Factory.CreateAccountAsync(name, Roles.Curator);
        using var client = Factory.CreateBrowser();
        await client.SignInAsync(name);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/review")).StatusCode);

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            Assert.Equal(RoleChange.Done, await scope.ServiceProvider.GetRequiredService<AccountService>().RevokeRoleAsync(user.Id, Roles.Curator, "test"));
        }

        using var response = await client.GetAsync("/account/settings");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty(await SessionsOfAsync(user.Id));
    }

    [Fact]
    public async Task AdminLock_EndsThePersonsSessions()
    {
        var name = Infrastructure.Accounts.UniqueName("locked.session");
        var user = await Factory.CreateAccountAsync(name);
        using var client = Factory.CreateBrowser();
        await client.SignInAsync(name);

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            Assert.Equal(RoleChange.Done, await scope.ServiceProvider.GetRequiredService<AccountService>().SetLockedAsync(user.Id, true, "test"));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/settings")).StatusCode);
    }

    [Fact]
    public async Task Settings_ListsTheSessions_WithThisSessionMarked()
    {
        var name = Infrastructure.Accounts.UniqueName("lister");
        await Factory.CreateAccountAsync(name);
        using var phone = Factory.CreateBrowser("192.0.2.91");
        phone.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1");
        await phone.SignInAsync(name);
        using var laptop = Factory.CreateBrowser("192.0.2.92");
        laptop.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36");
        await laptop.SignInAsync(name);

        var page = await laptop.GetPageAsync("/account/settings");

        var rows = page.QuerySelectorAll("ul.sessions > li").ToList();
        Assert.Equal(2, rows.Count);
        var current = Assert.Single(rows, r => r.ClassList.Contains("current-session"));
        Assert.Contains("Chrome on Windows (this session)", current.TextContent, StringComparison.Ordinal);
        Assert.Contains("192.0.2.92", current.TextContent, StringComparison.Ordinal);
        Assert.Contains(rows, r => r.TextContent.Contains("Safari on iOS", StringComparison.Ordinal) && r.TextContent.Contains("192.0.2.91", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Settings_SignOutOneSession_SignsOutThatBrowserOnly()
    {
        var name = Infrastructure.Accounts.UniqueName("one.out");
        await Factory.CreateAccountAsync(name);
        using var other = Factory.CreateBrowser("192.0.2.93");
        await other.SignInAsync(name);
        using var here = Factory.CreateBrowser("192.0.2.94");
        await here.SignInAsync(name);
        var page = await here.GetPageAsync("/account/settings");
        var form = page.QuerySelectorAll("ul.sessions > li")
            .Single(r => !r.ClassList.Contains("current-session"))
            .QuerySelector<IHtmlFormElement>("form")!;

        using var response = await here.SubmitAsync(form, []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/account/settings")).StatusCode);
        var after = await here.GetPageAsync("/account/settings");
        Assert.Single(after.QuerySelectorAll("ul.sessions > li"));
        Assert.Equal("That session is signed out.", after.Text("[role=status]"));
    }

    [Fact]
    public async Task Settings_SignOutEverywhere_EndsEverySession()
    {
        var name = Infrastructure.Accounts.UniqueName("everywhere");
        var user = await Factory.CreateAccountAsync(name);
        using var other = Factory.CreateBrowser();
        await other.SignInAsync(name);
        using var here = Factory.CreateBrowser();
        await here.SignInAsync(name);
        var form = (await here.GetPageAsync("/account/settings")).QuerySelector<IHtmlFormElement>("form.sign-out-everywhere")!;

        using var response = await here.SubmitAsync(form, []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await here.GetAsync("/account/settings")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/account/settings")).StatusCode);
        Assert.Empty(await SessionsOfAsync(user.Id));
    }

    [Fact]
    public async Task SecurityStampCheck_AfterItsInterval_KeepsTheSession()
    {
        var name = Infrastructure.Accounts.UniqueName("long.stay");
        await Factory.CreateAccountAsync(name);
        using var client = Factory.CreateBrowser();
        await client.SignInAsync(name);

        site.Clock.Advance(TimeSpan.FromMinutes(2));

        // The check rebuilt the cookie (a new one is set) and the rebuilt cookie still names the session.
        using (var refreshed = await client.GetAsync("/account/settings"))
        {
            Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
            Assert.Contains(refreshed.Headers.GetValues("Set-Cookie"), c => c.StartsWith("skillbridge-auth=", StringComparison.Ordinal));
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/settings")).StatusCode);
    }

    [Fact]
    public async Task SessionEndedOnAnotherNode_IsRefusedHereOnceTheCacheSecondIsOver()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "skillbridge-tests", "session-nodes-" + Guid.NewGuid().ToString("N"));
        var clock = new TestSupport.TestSite.ManualClock(DateTimeOffset.UtcNow);
        try
        {
            using var first = new SkillBridgeWebFactory { Clock = clock, Settings = { ["SkillBridge:DataPath"] = dataPath } };
            using var second = new SkillBridgeWebFactory { Clock = clock, Settings = { ["SkillBridge:DataPath"] = dataPath } };
            var name = Infrastructure.Accounts.UniqueName("nodes");
            var user = await first.CreateAccountAsync(name);
            using var client = first.CreateBrowser();
            await client.SignInAsync(name);
            var cookie = await client.SignInCookieAsync();
            using (var cached = await GetWithCookieAsync(second, cookie, "/account/settings"))
            {
                Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
            }

            await using (var scope = first.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<UserSessions>().EndAllAsync(user.Id);
            }

            using (var withinTheSecond = await GetWithCookieAsync(second, cookie, "/account/settings"))
            {
                Assert.Equal(HttpStatusCode.OK, withinTheSecond.StatusCode);
            }

            clock.Advance(UserSessions.CacheFor);

            using var after = await GetWithCookieAsync(second, cookie, "/account/settings");
            Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataPath, recursive: true);
        }
    }

    [Fact]
    public async Task PersonalDataExport_ListsTheSessions()
    {
        var name = Infrastructure.Accounts.UniqueName("exported.session");
        await Factory.CreateAccountAsync(name);
        using var client = Factory.CreateBrowser("192.0.2.95");
        await client.SignInAsync(name);
        var form = (IHtmlFormElement)(await client.GetPageAsync("/account/data")).QuerySelector("main form.account-form")!;

        using var response = await client.SubmitAsync(form, []);

        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var session = Assert.Single(json.RootElement.GetProperty("sessions").EnumerateArray());
        Assert.Equal("192.0.2.95", session.GetProperty("clientAddress").GetString());
    }

    [Fact]
    public async Task AccountDeletion_RemovesSessionsAndSignInCounts()
    {
        var name = Infrastructure.Accounts.UniqueName("erased.session");
        var user = await Factory.CreateAccountAsync(name);
        using var client = Factory.CreateBrowser("192.0.2.96");
        using (await client.TrySignInAsync(name, "a wrong password"))
        {
        }

        await client.SignInAsync(name);

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<AccountDeletion>().DeleteOwnAsync(user.Id, Infrastructure.Accounts.Password)).Succeeded);
        }

        await using var check = Factory.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<SkillBridgeDbContext>();
        Assert.False(await db.UserSessions.AnyAsync(s => s.UserId == user.Id));
        Assert.False(await db.ThrottleCounters.AnyAsync(c => c.Key.Contains(user.Id)));
    }

    private static async Task<HttpResponseMessage> GetWithCookieAsync(SkillBridgeWebFactory factory, string cookie, string url)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    private async Task<List<UserSession>> SessionsOfAsync(string userId)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().UserSessions.AsNoTracking().Where(s => s.UserId == userId).ToListAsync();
    }
}
