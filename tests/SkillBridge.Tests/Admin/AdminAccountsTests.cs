using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Accounts;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Admin;

public sealed class AdminAccountsTests(SkillBridgeWebFactory factory) : IClassFixture<SkillBridgeWebFactory>
{
    [Fact]
    public async Task GrantRole_ByAdmin_IsAppliedAndAudited()
    {
        var adminName = Infrastructure.Accounts.UniqueName("admin");
        using var admin = await factory.SignedInClientAsync(adminName, Roles.Admin);
        var name = Infrastructure.Accounts.UniqueName("promoted");
        await factory.CreateAccountAsync(name);

        using var response = await SubmitRowFormAsync(admin, name, "Grant", Roles.Curator);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(Roles.Curator, await RolesOfAsync(name));
        Assert.Contains(await factory.AuditAsync(AuditAction.RoleGranted), e => e.Actor == adminName && e.Subject == name && e.Details == Roles.Curator);
    }

    [Fact]
    public async Task RevokeRole_ByAdmin_IsAppliedAndAudited()
    {
        var adminName = Infrastructure.Accounts.UniqueName("admin");
        using var admin = await factory.SignedInClientAsync(adminName, Roles.Admin);
        var name = Infrastructure.Accounts.UniqueName("demoted");
        await factory.CreateAccountAsync(name, Roles.Author);

        using var response = await SubmitRowFormAsync(admin, name, "Revoke", Roles.Author);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain(Roles.Author, await RolesOfAsync(name));
        Assert.Contains(await factory.AuditAsync(AuditAction.RoleRevoked), e => e.Actor == adminName && e.Subject == name && e.Details == Roles.Author);
    }

    [Fact]
    public async Task Lock_ByAdmin_StopsSignInUntilUnlocked()
    {
        using var admin = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("admin"), Roles.Admin);
        var name = Infrastructure.Accounts.UniqueName("locked");
        await factory.CreateAccountAsync(name);

        using (var asked = await SubmitRowFormAsync(admin, name, "Lock"))
        using (var locked = await admin.SubmitAsync(ConfirmForm(HtmlPages.Parse(await asked.Content.ReadAsStringAsync())), []))
        {
            Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        }

        using var client = factory.CreateBrowser();
        using (var refused = await client.TrySignInAsync(name, Infrastructure.Accounts.Password))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        }

        using (var unlocked = await SubmitRowFormAsync(admin, name, "Unlock"))
        {
            Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        }

        await client.SignInAsync(name);
    }

    [Fact]
    public async Task RoleChange_ByNonAdmin_IsForbidden()
    {
        using var admin = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("admin"), Roles.Admin);
        using var curator = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("curator"), Roles.Curator);
        var target = Infrastructure.Accounts.UniqueName("target");
        await factory.CreateAccountAsync(target);
        var form = RowForm(await admin.GetPageAsync("/admin/accounts?q=" + target), target, "Grant", Roles.Author);

        using var response = await curator.SubmitAsync(form, []);

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, $"got {response.StatusCode}");
        Assert.DoesNotContain(Roles.Author, await RolesOfAsync(target));
    }

    [Fact]
    public async Task AuditPage_FilteredByAction_ShowsOnlyThatAction()
    {
        using var admin = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("admin"), Roles.Admin);
        using var visitor = factory.CreateBrowser();
        using (var failed = await visitor.TrySignInAsync("someone.unknown", "guess"))
        {
        }

        var page = await admin.GetPageAsync("/admin/audit?action=SignInFailed&person=someone.unknown");

        var actions = page.QuerySelectorAll("table.audit td.audit-text").ToList();
        Assert.NotEmpty(actions);
        Assert.All(actions, a => Assert.Equal(AuditAction.SignInFailed, a.GetAttribute("data-action")));
        Assert.All(actions, a => Assert.Equal("A sign-in as someone.unknown failed", a.TextContent));
    }

    [Fact]
    public async Task AuditPage_DateRangeBeforeAnything_ShowsNothing()
    {
        using var admin = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("admin"), Roles.Admin);

        var page = await admin.GetPageAsync("/admin/audit?from=2001-01-01&to=2001-12-31");

        Assert.Empty(page.QuerySelectorAll("table.audit tbody tr"));
        Assert.StartsWith("0 entries", page.Text("#audit-count"), StringComparison.Ordinal);
    }

    internal static async Task<HttpResponseMessage> SubmitRowFormAsync(HttpClient admin, string username, string handler, string? role = null) =>
        await admin.SubmitAsync(RowForm(await admin.GetPageAsync("/admin/accounts?q=" + Uri.EscapeDataString(username)), username, handler, role), []);

    internal static IHtmlFormElement ConfirmForm(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelector<IHtmlFormElement>("#confirmation form")!;

    internal static IHtmlFormElement RowForm(AngleSharp.Html.Dom.IHtmlDocument page, string username, string handler, string? role) =>
        page.QuerySelectorAll<IHtmlFormElement>($"tr[data-username='{username}'] form")
            .Single(f => f.Action.Contains("handler=" + handler, StringComparison.Ordinal)
                && (role is null || f.QuerySelector<IHtmlInputElement>("input[name=role]")?.Value == role));

    private async Task<IList<string>> RolesOfAsync(string username)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SkillBridgeUser>>();
        return await users.GetRolesAsync((await users.FindByNameAsync(username))!);
    }
}
