using AngleSharp.Dom;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Data;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Accounts;

/// <summary>Wrong passwords are throttled per (account, client address) in the database; the account itself is never locked by them.</summary>
public sealed class SignInThrottleTests(SignInSite site) : IClassFixture<SignInSite>
{
    private const string Attacker = "203.0.113.66";
    private const string Owner = "198.51.100.7";

    private SkillBridgeWebFactory Factory => site.Factory;

    [Fact]
    public async Task SignIn_TenWrongPasswordsFromOneClient_NextAttemptGets429WithRetryAfter()
    {
        var name = Infrastructure.Accounts.UniqueName("target");
        await Factory.CreateAccountAsync(name);
        using var attacker = Factory.CreateBrowser(Attacker);
        await FailAsync(attacker, name, ThrottleKeys.SignInFailuresPerClient);

        using var response = await attacker.TrySignInAsync(name, Infrastructure.Accounts.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, (int)ThrottleKeys.SignInWindow.TotalSeconds);
        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Too many wrong passwords for this account from your network. Try again in 15 minutes", page.Text("[role=alert]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_AttackerThrottled_OwnerFromAnotherAddressSignsIn()
    {
        var name = Infrastructure.Accounts.UniqueName("owner");
        await Factory.CreateAccountAsync(name, Roles.Admin);
        using var attacker = Factory.CreateBrowser(Attacker);
        await FailAsync(attacker, name, ThrottleKeys.SignInFailuresPerClient + 5);
        using var owner = Factory.CreateBrowser(Owner);

        await owner.SignInAsync(name);

        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/account/settings")).StatusCode);
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SkillBridgeUser>>();
        Assert.False(await users.IsLockedOutAsync((await users.FindByNameAsync(name))!));
    }

    [Fact]
    public async Task SignIn_WrongPasswords_AreCountedInTheDatabasePerAccountAndPerClient()
    {
        var name = Infrastructure.Accounts.UniqueName("counted");
        var user = await Factory.CreateAccountAsync(name);
        using var first = Factory.CreateBrowser("192.0.2.10");
        using var second = Factory.CreateBrowser("192.0.2.11");

        await FailAsync(first, name, 3);
        await FailAsync(second, name, 2);

        await using var scope = Factory.Services.CreateAsyncScope();
        var counters = await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().ThrottleCounters.AsNoTracking()
            .Where(c => c.Key.Contains(user.Id)).ToDictionaryAsync(c => c.Key, c => c.Count);
        Assert.Equal(5, counters[$"sign-in:account:id:{user.Id}"]);
        Assert.Equal(3, counters[$"sign-in:client:id:{user.Id}@192.0.2.10"]);
        Assert.Equal(2, counters[$"sign-in:client:id:{user.Id}@192.0.2.11"]);
    }

    [Fact]
    public async Task SignIn_AfterTheWindow_TheThrottledClientMayTryAgain()
    {
        var name = Infrastructure.Accounts.UniqueName("patient");
        await Factory.CreateAccountAsync(name);
        using var client = Factory.CreateBrowser("192.0.2.20");
        await FailAsync(client, name, ThrottleKeys.SignInFailuresPerClient);
        using (var refused = await client.TrySignInAsync(name, Infrastructure.Accounts.Password))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        }

        site.Clock.Advance(ThrottleKeys.SignInWindow);

        await client.SignInAsync(name);
    }

    [Fact]
    public async Task SignIn_TriesPastTheLimit_DoNotExtendTheWindow()
    {
        var name = Infrastructure.Accounts.UniqueName("hammered");
        await Factory.CreateAccountAsync(name);
        using var client = Factory.CreateBrowser("192.0.2.30");
        await FailAsync(client, name, ThrottleKeys.SignInFailuresPerClient);
        site.Clock.Advance(TimeSpan.FromMinutes(10));
        await FailAsync(client, name, 20);

        site.Clock.Advance(TimeSpan.FromMinutes(5));

        await client.SignInAsync(name);
    }

    [Fact]
    public async Task SignIn_UnknownNameTenTimes_IsThrottledLikeARealAccount()
    {
        var tried = Infrastructure.Accounts.UniqueName("ghost");
        using var client = Factory.CreateBrowser("192.0.2.40");
        await FailAsync(client, tried, ThrottleKeys.SignInFailuresPerClient);

        using var response = await client.TrySignInAsync(tried, "still guessing");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_UnknownNameAndWrongPassword_ShowTheSamePage()
    {
        var name = Infrastructure.Accounts.UniqueName("known");
        await Factory.CreateAccountAsync(name);
        using var client = Factory.CreateBrowser("192.0.2.50");

        using var unknown = await client.TrySignInAsync(Infrastructure.Accounts.UniqueName("unknown"), "some password");
        using var wrong = await client.TrySignInAsync(name, "some password");

        Assert.Equal(unknown.StatusCode, wrong.StatusCode);
        Assert.Equal(
            HtmlPages.Parse(await unknown.Content.ReadAsStringAsync()).Text("[role=alert]"),
            HtmlPages.Parse(await wrong.Content.ReadAsStringAsync()).Text("[role=alert]"));
    }

    [Fact]
    public async Task SignIn_LockedAccountWithAWrongPassword_ShowsTheSamePageAsAnUnknownName()
    {
        var name = Infrastructure.Accounts.UniqueName("lockedout");
        var user = await Factory.CreateAccountAsync(name);
        await LockAsync(user.Id);
        using var client = Factory.CreateBrowser("192.0.2.60");

        using var unknown = await client.TrySignInAsync(Infrastructure.Accounts.UniqueName("unknown"), "some password");
        using var locked = await client.TrySignInAsync(name, "some password");

        var lockedText = HtmlPages.Parse(await locked.Content.ReadAsStringAsync()).Text("[role=alert]");
        Assert.Equal(HtmlPages.Parse(await unknown.Content.ReadAsStringAsync()).Text("[role=alert]"), lockedText);
        Assert.DoesNotContain("locked", lockedText, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignIn_LockedAccountWithTheRightPassword_SaysItIsLockedAndDoesNotSignIn()
    {
        var name = Infrastructure.Accounts.UniqueName("admin.locked");
        var user = await Factory.CreateAccountAsync(name);
        await LockAsync(user.Id);
        using var client = Factory.CreateBrowser("192.0.2.61");

        using var response = await client.TrySignInAsync(name, Infrastructure.Accounts.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This account is locked. Ask an administrator to unlock it.", HtmlPages.Parse(await response.Content.ReadAsStringAsync()).Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/settings")).StatusCode);
    }

    [Fact]
    public async Task SignIn_UnknownNameAndWrongPassword_EachCheckOneHash()
    {
        var name = Infrastructure.Accounts.UniqueName("hashed");
        await Factory.CreateAccountAsync(name);
        using var client = Factory.CreateBrowser("192.0.2.70");
        var form = await SignInFormAsync(client);
        site.Hasher.Reset();

        using (await client.SubmitAsync(form, [new("Input.Username", Infrastructure.Accounts.UniqueName("nobody")), new("Input.Password", "a guess")]))
        {
            Assert.Equal(1, site.Hasher.Verifications);
        }

        form = await SignInFormAsync(client);
        site.Hasher.Reset();
        using (await client.SubmitAsync(form, [new("Input.Username", name), new("Input.Password", "a guess")]))
        {
            Assert.Equal(1, site.Hasher.Verifications);
        }
    }

    [Fact]
    public async Task AdminAccounts_LockAndUnlock_AreOffered()
    {
        var name = Infrastructure.Accounts.UniqueName("lockable");
        await Factory.CreateAccountAsync(name);
        using var admin = await Factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("locker"), Roles.Admin);
        var page = await admin.GetPageAsync("/admin/accounts?q=" + name);
        var lockForm = page.QuerySelectorAll<IHtmlFormElement>("form[action*='handler=Lock']")
            .Single(f => f.TextContent.Contains(name, StringComparison.Ordinal));

        using var asked = await admin.SubmitAsync(lockForm, []);
        using var locked = await admin.SubmitAsync(HtmlPages.Parse(await asked.Content.ReadAsStringAsync()).QuerySelector<IHtmlFormElement>("#confirmation form")!, []);

        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        var after = await admin.GetPageAsync("/admin/accounts?q=" + name);
        Assert.Contains(after.QuerySelectorAll<IHtmlFormElement>("form[action*='handler=Unlock']"), f => f.TextContent.Contains(name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PurgeEnded_RemovesCountersWhoseWindowIsOver_KeepsTheOthers()
    {
        var ended = "test:ended:" + Guid.NewGuid().ToString("N");
        var running = "test:running:" + Guid.NewGuid().ToString("N");
        await using var scope = Factory.Services.CreateAsyncScope();
        var sut = scope.ServiceProvider.GetRequiredService<RequestThrottle>();
        await sut.HitAsync(ended, TimeSpan.FromMinutes(1));
        await sut.HitAsync(running, TimeSpan.FromHours(2));
        site.Clock.Advance(TimeSpan.FromMinutes(1));

        await sut.PurgeEndedAsync();

        var keys = await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().ThrottleCounters.AsNoTracking()
            .Where(c => c.Key == ended || c.Key == running).Select(c => c.Key).ToListAsync();
        Assert.Equal([running], keys);
    }

    [Fact]
    public async Task Hit_AfterTheWindow_StartsANewWindowAtOne()
    {
        var key = "test:window:" + Guid.NewGuid().ToString("N");
        await using var scope = Factory.Services.CreateAsyncScope();
        var sut = scope.ServiceProvider.GetRequiredService<RequestThrottle>();
        await sut.HitAsync(key, TimeSpan.FromMinutes(15));
        Assert.Equal(2, (await sut.HitAsync(key, TimeSpan.FromMinutes(15))).Count);
        site.Clock.Advance(TimeSpan.FromMinutes(15));

        var state = await sut.HitAsync(key, TimeSpan.FromMinutes(15));

        Assert.Equal(1, state.Count);
        Assert.Equal(site.Clock.GetUtcNow().UtcDateTime.AddMinutes(15), state.WindowEndsAt, TimeSpan.FromMilliseconds(1));
    }

    private static async Task FailAsync(HttpClient client, string name, int times)
    {
        for (var i = 0; i < times; i++)
        {
            using var response = await client.TrySignInAsync(name, $"wrong guess {i}");
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, $"Attempt {i + 1}: {response.StatusCode}");
        }
    }

    private static async Task<IHtmlFormElement> SignInFormAsync(HttpClient client) =>
        (IHtmlFormElement)(await client.GetPageAsync("/account/signin")).QuerySelector("form.account-form")!;

    private async Task LockAsync(string userId)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        Assert.Equal(RoleChange.Done, await scope.ServiceProvider.GetRequiredService<AccountService>().SetLockedAsync(userId, true, "test"));
    }
}
