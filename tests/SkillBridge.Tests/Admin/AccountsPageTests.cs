using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Accounts;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Admin;

/// <summary>The accounts page: search, filters, paging by query string, role chips and the confirmation step.</summary>
public sealed class AccountsPageTests(SkillBridgeWebFactory factory) : IClassFixture<SkillBridgeWebFactory>
{
    [Fact]
    public async Task Search_PartOfUsername_ListsOnlyMatchingAccountsTwentyFiveAPage()
    {
        using var admin = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("admin"), Roles.Admin);
        var prefix = Infrastructure.Accounts.UniqueName("paged");
        for (var i = 0; i < 27; i++)
        {
            await factory.CreateAccountAsync($"{prefix}-{i:00}");
        }

        var first = await admin.GetPageAsync("/admin/accounts?q=" + prefix);
        var second = await admin.GetPageAsync("/admin/accounts?q=" + prefix + "&page=2");

        Assert.Equal(25, first.QuerySelectorAll("table.accounts tbody tr").Length);
        Assert.StartsWith("27 accounts, page 1 of 2", first.Text("#account-count"), StringComparison.Ordinal);
        Assert.Equal("/admin/accounts?q=" + prefix + "&page=2", first.QuerySelector<IHtmlAnchorElement>("nav.pager a")!.GetAttribute("href"));
        Assert.Equal([$"{prefix}-25", $"{prefix}-26"], second.QuerySelectorAll("table.accounts tbody tr").Select(r => r.GetAttribute("data-username")!));
    }

    [Fact]
    public async Task Search_PartOfEmailWithRoleFilter_ListsOnlyThatRole()
    {
        using var admin = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("admin"), Roles.Admin);
        var prefix = Infrastructure.Accounts.UniqueName("filtered");
        await factory.CreateAccountAsync(prefix + "-writer", Roles.Author);
        await factory.CreateAccountAsync(prefix + "-reader");

        var authors = await admin.GetPageAsync($"/admin/accounts?q={prefix}&role=author");
        var learnersByEmail = await admin.GetPageAsync($"/admin/accounts?q={prefix.ToUpperInvariant()}-READER@TEST&role=none");
        var authorsByEmail = await admin.GetPageAsync($"/admin/accounts?q={prefix}-reader@test&role=author");

        Assert.Equal([prefix + "-writer"], authors.QuerySelectorAll("table.accounts tbody tr").Select(r => r.GetAttribute("data-username")!));
        Assert.Equal([prefix + "-reader"], learnersByEmail.QuerySelectorAll("table.accounts tbody tr").Select(r => r.GetAttribute("data-username")!));
        Assert.Empty(authorsByEmail.QuerySelectorAll("table.accounts tbody tr"));
    }

    [Fact]
    public async Task LockedFilter_ListsOnlyLockedAccounts()
    {
        using var admin = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("admin"), Roles.Admin);
        var prefix = Infrastructure.Accounts.UniqueName("lockfilter");
        var locked = await factory.CreateAccountAsync(prefix + "-locked");
        await factory.CreateAccountAsync(prefix + "-open");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountService>().SetLockedAsync(locked.Id, true, "test");
        }

        var page = await admin.GetPageAsync($"/admin/accounts?q={prefix}&locked=yes");

        Assert.Equal([prefix + "-locked"], page.QuerySelectorAll("table.accounts tbody tr").Select(r => r.GetAttribute("data-username")!));
    }

    [Fact]
    public async Task GrantAdmin_FirstPost_AsksAndChangesNothing()
    {
        using var admin = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("admin"), Roles.Admin);
        var name = Infrastructure.Accounts.UniqueName("candidate");
        await factory.CreateAccountAsync(name);

        using var asked = await AdminAccountsTests.SubmitRowFormAsync(admin, name, "Grant", Roles.Admin);

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var page = HtmlPages.Parse(await asked.Content.ReadAsStringAsync());
        Assert.Equal($"Make {name} an administrator?", page.Text("#confirmation-heading"));
        Assert.DoesNotContain(Roles.Admin, await RolesOfAsync(name));

        using var confirmed = await admin.SubmitAsync(AdminAccountsTests.ConfirmForm(page), []);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("/admin/accounts?q=" + name, confirmed.Headers.Location!.OriginalString);
        Assert.Contains(Roles.Admin, await RolesOfAsync(name));
    }

    [Fact]
    public async Task Lock_FirstPost_AsksAndLeavesTheAccountOpen()
    {
        using var admin = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("admin"), Roles.Admin);
        var name = Infrastructure.Accounts.UniqueName("lockee");
        await factory.CreateAccountAsync(name);

        using var asked = await AdminAccountsTests.SubmitRowFormAsync(admin, name, "Lock");

        var page = HtmlPages.Parse(await asked.Content.ReadAsStringAsync());
        Assert.Equal($"Lock {name}'s account?", page.Text("#confirmation-heading"));
        Assert.DoesNotContain(await factory.AuditAsync(AuditAction.Locked), e => e.Subject == name);
        using var client = factory.CreateBrowser();
        await client.SignInAsync(name);
    }

    [Fact]
    public async Task RoleChips_ShowEachRoleWithARemoveButton()
    {
        using var admin = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("admin"), Roles.Admin);
        var name = Infrastructure.Accounts.UniqueName("chips");
        await factory.CreateAccountAsync(name, Roles.Author);

        var page = await admin.GetPageAsync("/admin/accounts?q=" + name);

        var row = page.QuerySelector($"tr[data-username='{name}']")!;
        Assert.Equal(["learner", "author"], row.QuerySelectorAll(".role-chip").Select(c => c.FirstChild!.TextContent.Trim()));
        Assert.Equal($"Remove the author role from {name}", row.QuerySelector(".role-chip button")!.TextContent);
        Assert.Equal(["Add curator", "Add admin"], row.QuerySelectorAll("button.chip-add").Select(b => b.FirstChild!.TextContent));
    }

    private async Task<IList<string>> RolesOfAsync(string username)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SkillBridgeUser>>();
        return await users.GetRolesAsync((await users.FindByNameAsync(username))!);
    }
}
