using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Data;
using SkillBridge.Tests.Infrastructure;
using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Admin;

/// <summary>The starter site on a clock the reset-link tests move.</summary>
public sealed class ResetLinkSite : IDisposable
{
    public FakeTimeProvider Clock { get; } = new(TestSite.Now);

    public SkillBridgeWebFactory Factory { get; }

    public ResetLinkSite() => Factory = new SkillBridgeWebFactory { Clock = Clock };

    public void Dispose() => Factory.Dispose();
}

/// <summary>One-time password-reset links an admin makes when the site sends no mail.</summary>
public sealed class ResetLinkTests(ResetLinkSite site) : IClassFixture<ResetLinkSite>
{
    private SkillBridgeWebFactory Factory => site.Factory;

    [Fact]
    public async Task ResetLink_UsedOnce_SetsThePasswordEndsSessionsAndIsAudited()
    {
        var (admin, adminName) = await AdminAsync();
        var name = Infrastructure.Accounts.UniqueName("forgetful");
        var user = await Factory.CreateAccountAsync(name);
        using var elsewhere = Factory.CreateBrowser();
        await elsewhere.SignInAsync(name);
        var link = await MakeLinkAsync(admin, name);

        using var used = await ChoosePasswordAsync(link, "a brand new passphrase");

        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        using var client = Factory.CreateBrowser();
        await client.SignInAsync(name, "a brand new passphrase");
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>();
        Assert.Equal(1, await db.UserSessions.CountAsync(s => s.UserId == user.Id));
        Assert.NotEqual(user.SecurityStamp, (await db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id)).SecurityStamp);
        Assert.Contains(await Factory.AuditAsync(AuditAction.ResetLinkMade), e => e.Actor == adminName && e.Subject == name);
        Assert.Contains(await Factory.AuditAsync(AuditAction.PasswordReset), e => e.Subject == name && e.Details == $"by a link from {adminName}");
        var again = await Factory.CreateBrowser().GetPageAsync(PathOf(link));
        Assert.Contains("already been used", again.Text("#reset-link-problem"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetLink_After24Hours_IsRefused()
    {
        var (admin, _) = await AdminAsync();
        var name = Infrastructure.Accounts.UniqueName("slow");
        await Factory.CreateAccountAsync(name);
        var link = await MakeLinkAsync(admin, name);

        site.Clock.Advance(TimeSpan.FromHours(23));
        Assert.NotNull((await Factory.CreateBrowser().GetPageAsync(PathOf(link))).QuerySelector("form.account-form"));
        site.Clock.Advance(TimeSpan.FromHours(1));
        var page = await Factory.CreateBrowser().GetPageAsync(PathOf(link));

        Assert.Contains("expired", page.Text("#reset-link-problem"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form.account-form"));
    }

    [Fact]
    public async Task ResetLink_ForAnAdministrator_IsNotOfferedAndRefused()
    {
        var (admin, _) = await AdminAsync();
        var other = Infrastructure.Accounts.UniqueName("otheradmin");
        var user = await Factory.CreateAccountAsync(other, Roles.Admin);
        var list = await admin.GetPageAsync("/admin/accounts?q=" + other);
        Assert.Empty(list.QuerySelectorAll($"tr[data-username='{other}'] form[action*='handler=ResetLink']"));
        var anyRowForm = list.QuerySelector<IHtmlFormElement>($"tr[data-username='{other}'] form[action*='handler=Lock']")!;
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", anyRowForm.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value),
            new("userId", user.Id),
        };

        using var response = await admin.PostAsync("/admin/accounts?handler=ResetLink", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = Factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().PasswordResetLinks.AnyAsync(l => l.UserId == user.Id));
    }

    [Fact]
    public async Task ForgotPassword_WithoutMail_SaysAnAdministratorCanMakeALink()
    {
        var page = await Factory.CreateBrowser().GetPageAsync("/account/forgotpassword");

        Assert.Contains("they can make you a one-time link", page.Text("#no-mail"), StringComparison.Ordinal);
    }

    private async Task<(HttpClient Client, string Name)> AdminAsync()
    {
        var name = Infrastructure.Accounts.UniqueName("admin");
        return (await Factory.SignedInClientAsync(name, Roles.Admin), name);
    }

    private static async Task<string> MakeLinkAsync(HttpClient admin, string username)
    {
        var form = (await admin.GetPageAsync("/admin/accounts?q=" + username))
            .QuerySelectorAll<IHtmlFormElement>($"tr[data-username='{username}'] form").Single(f => f.Action.Contains("handler=ResetLink", StringComparison.Ordinal));
        using var response = await admin.SubmitAsync(form, []);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return HtmlPages.Parse(await response.Content.ReadAsStringAsync()).QuerySelector<IHtmlInputElement>("#reset-link")!.Value;
    }

    private async Task<HttpResponseMessage> ChoosePasswordAsync(string link, string password)
    {
        using var client = Factory.CreateBrowser();
        var form = (IHtmlFormElement)(await client.GetPageAsync(PathOf(link))).QuerySelector("form.account-form")!;
        return await client.SubmitAsync(form, [new("Input.NewPassword", password), new("Input.ConfirmPassword", password)]);
    }

    private static string PathOf(string link) => new Uri(link).PathAndQuery;
}
