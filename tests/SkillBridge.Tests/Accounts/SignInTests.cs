using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Accounts;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Accounts;

[Collection(StarterSite.Name)]
public sealed class SignInTests(SkillBridgeWebFactory factory)
{
    [Fact]
    public async Task SignIn_RightPassword_HeaderShowsTheNameAndASignOutButton()
    {
        var name = Infrastructure.Accounts.UniqueName("reader");
        await factory.CreateAccountAsync(name);
        using var client = factory.CreateBrowser();

        await client.SignInAsync(name);

        var page = await client.GetPageAsync("/");
        Assert.Equal(name, page.Text(".account-nav a[href='/account/settings']"));
        Assert.NotNull(page.QuerySelector(".account-nav form[method=post] button"));
        Assert.Null(page.QuerySelector(".account-nav a[href='/account/signin']"));
    }

    [Fact]
    public async Task SignIn_AccountWithAProfileName_HeaderShowsTheNameNotTheUsername()
    {
        var username = Infrastructure.Accounts.UniqueName("reader");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(
                new NewAccount(username, username + "@test.example", Infrastructure.Accounts.Password, "Ruth Mensah"), ProfileClaim.Allowed, "test", []);
            Assert.True(created.Succeeded);
        }

        using var client = factory.CreateBrowser();
        await client.SignInAsync(username);

        var page = await client.GetPageAsync("/");
        Assert.Equal("Ruth Mensah", page.Text(".account-nav a[href='/account/settings']"));
        Assert.DoesNotContain(username, page.QuerySelector("header")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_ByEmail_Works()
    {
        var name = Infrastructure.Accounts.UniqueName("mailer");
        await factory.CreateAccountAsync(name);
        using var client = factory.CreateBrowser();

        await client.SignInAsync(name + "@test.example");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/settings")).StatusCode);
    }

    [Fact]
    public async Task SignIn_ReturnUrlOnAnotherSite_GoesToTheCatalogueInstead()
    {
        var name = Infrastructure.Accounts.UniqueName("returner");
        await factory.CreateAccountAsync(name);
        using var client = factory.CreateBrowser();
        var page = await client.GetPageAsync("/account/signin?returnUrl=https%3A%2F%2Fevil.example%2F");
        var form = (IHtmlFormElement)page.QuerySelector("form.account-form")!;

        using var response = await client.SubmitAsync(form, [new("Input.Username", name), new("Input.Password", Infrastructure.Accounts.Password)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignOut_Post_SignsOut()
    {
        var name = Infrastructure.Accounts.UniqueName("leaver");
        await factory.CreateAccountAsync(name);
        using var client = factory.CreateBrowser();
        await client.SignInAsync(name);
        var form = (IHtmlFormElement)(await client.GetPageAsync("/")).QuerySelector(".account-nav form")!;

        using var response = await client.SubmitAsync(form, []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/settings")).StatusCode);
        Assert.NotNull((await client.GetPageAsync("/")).QuerySelector(".account-nav a[href='/account/signin']"));
    }

    [Fact]
    public async Task SignOut_Get_ChangesNothing()
    {
        var name = Infrastructure.Accounts.UniqueName("getter");
        await factory.CreateAccountAsync(name);
        using var client = factory.CreateBrowser();
        await client.SignInAsync(name);

        await client.GetPageAsync("/account/signout");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/settings")).StatusCode);
    }

    [Fact]
    public async Task SignIn_WrongPassword_IsRefusedCountedAndAudited()
    {
        var name = Infrastructure.Accounts.UniqueName("typo");
        await factory.CreateAccountAsync(name);
        using var client = factory.CreateBrowser();

        using var response = await client.TrySignInAsync(name, "not the password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("The username or password is not right", page.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal(1, await FailedCountAsync(name));
        var entry = Assert.Single(await factory.AuditAsync(AuditAction.SignInFailed), e => e.Subject == name);
        Assert.DoesNotContain("not the password", entry.Details ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_UnknownUsername_IsAuditedWithTheNameTried()
    {
        var tried = Infrastructure.Accounts.UniqueName("nobody");
        using var client = factory.CreateBrowser();

        using var response = await client.TrySignInAsync(tried, "whatever password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(await factory.AuditAsync(AuditAction.SignInFailed), e => e.Subject == tried);
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_DoNotLockTheAccount()
    {
        var name = Infrastructure.Accounts.UniqueName("guessed");
        await factory.CreateAccountAsync(name);
        using var client = factory.CreateBrowser();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await client.TrySignInAsync(name, $"wrong guess {i}");
        }

        using var response = await client.TrySignInAsync(name, Infrastructure.Accounts.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain(await factory.AuditAsync(AuditAction.LockedOut), e => e.Subject == name);
        Assert.Equal(5, (await factory.AuditAsync(AuditAction.SignInFailed)).Count(e => e.Subject == name));
    }

    [Fact]
    public async Task ChangePassword_RightCurrentPassword_NewPasswordSignsIn()
    {
        var name = Infrastructure.Accounts.UniqueName("changer");
        await factory.CreateAccountAsync(name);
        using var client = factory.CreateBrowser();
        await client.SignInAsync(name);
        var page = await client.GetPageAsync("/account/changepassword");
        Assert.Contains("At least 10 characters", page.Text(".password-rules"), StringComparison.Ordinal);
        var form = (IHtmlFormElement)page.QuerySelector("form.account-form")!;

        using var response = await client.SubmitAsync(form,
            [new("Input.CurrentPassword", Infrastructure.Accounts.Password), new("Input.NewPassword", "a brand new passphrase"), new("Input.ConfirmPassword", "a brand new passphrase")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var other = factory.CreateBrowser();
        await other.SignInAsync(name, "a brand new passphrase");
        Assert.Contains(await factory.AuditAsync(AuditAction.PasswordChanged), e => e.Subject == name);
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_SaysSoNextToTheField()
    {
        var name = Infrastructure.Accounts.UniqueName("forgetful");
        await factory.CreateAccountAsync(name);
        using var client = factory.CreateBrowser();
        await client.SignInAsync(name);
        var form = (IHtmlFormElement)(await client.GetPageAsync("/account/changepassword")).QuerySelector("form.account-form")!;

        using var response = await client.SubmitAsync(form,
            [new("Input.CurrentPassword", "not my password"), new("Input.NewPassword", "a brand new passphrase"), new("Input.ConfirmPassword", "a brand new passphrase")]);

        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Your current password is not right.", page.Text("[data-valmsg-for='Input.CurrentPassword']"));
    }

    [Fact]
    public async Task ChangePassword_TooShort_ShowsTheRuleNextToTheField()
    {
        var name = Infrastructure.Accounts.UniqueName("shorty");
        await factory.CreateAccountAsync(name);
        using var client = factory.CreateBrowser();
        await client.SignInAsync(name);
        var form = (IHtmlFormElement)(await client.GetPageAsync("/account/changepassword")).QuerySelector("form.account-form")!;

        using var response = await client.SubmitAsync(form,
            [new("Input.CurrentPassword", Infrastructure.Accounts.Password), new("Input.NewPassword", "short"), new("Input.ConfirmPassword", "short")]);

        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("10", page.Text("[data-valmsg-for='Input.NewPassword']"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_ChosenTimeZone_IsSaved()
    {
        var name = Infrastructure.Accounts.UniqueName("traveller");
        await factory.CreateAccountAsync(name);
        using var client = factory.CreateBrowser();
        await client.SignInAsync(name);
        var page = await client.GetPageAsync("/account/settings");
        Assert.Equal("Europe/London", page.QuerySelector<IHtmlSelectElement>("#TimeZoneId")!.Value);
        var form = (IHtmlFormElement)page.QuerySelector("form.account-form")!;

        using var response = await client.SubmitAsync(form, [new("TimeZoneId", "Asia/Tokyo")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Asia/Tokyo", (await client.GetPageAsync("/account/settings")).QuerySelector<IHtmlSelectElement>("#TimeZoneId")!.Value);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefused()
    {
        using var client = factory.CreateBrowser();
        using var content = new FormUrlEncodedContent([new("Input.Username", "x"), new("Input.Password", "y")]);

        using var response = await client.PostAsync("/account/signin", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SignInCookie_IsHttpOnlyAndLax()
    {
        var name = Infrastructure.Accounts.UniqueName("cookie");
        await factory.CreateAccountAsync(name);
        using var client = factory.CreateBrowser();

        using var response = await client.TrySignInAsync(name, Infrastructure.Accounts.Password);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("skillbridge-auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Failed sign-ins for the account from anywhere, as the ThrottleCounters table holds them.</summary>
    private async Task<int> FailedCountAsync(string username)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SkillBridgeUser>>();
        var key = ThrottleKeys.SignInAccount(ThrottleKeys.Account(await users.FindByNameAsync(username), username));
        return (await scope.ServiceProvider.GetRequiredService<RequestThrottle>().PeekAsync(key)).Count;
    }
}
