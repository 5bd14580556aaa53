using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Data;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Admin;

/// <summary>The audit log as sentences with people's names, in the viewer's time zone, and its CSV download.</summary>
public sealed class AuditPageTests(SkillBridgeWebFactory factory) : IClassFixture<SkillBridgeWebFactory>
{
    [Fact]
    public async Task AuditPage_LockByAdmin_ReadsAsASentenceWithDisplayNames()
    {
        var (admin, adminName) = await AdminAsync("Helen Carter");
        var target = await AccountAsync("Sam Lee");
        await LockAsync(target, adminName);

        var page = await admin.GetPageAsync($"/admin/audit?action=Locked&person={target.UserName}");

        Assert.Equal("Helen Carter locked Sam Lee's account", page.Text("table.audit td.audit-text"));
    }

    [Fact]
    public async Task AuditPage_ModuleAction_NamesTheModuleByItsTitle()
    {
        var (admin, adminName) = await AdminAsync("Title Admin");
        string slug, title;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>();
            var module = await db.Modules.Include(m => m.PublishedRevision).FirstAsync(m => m.PublishedRevision != null);
            (slug, title) = (module.Slug, module.PublishedRevision!.Title);
            var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
            await audit.RecordAsync(AuditAction.Unpublished, adminName, slug, null);
            await audit.RecordAsync(AuditAction.Unpublished, adminName, "a-module-deleted-since", null);
        }

        var page = await admin.GetPageAsync($"/admin/audit?action=Unpublished&person={adminName}");

        var sentences = page.QuerySelectorAll("table.audit td.audit-text").Select(cell => cell.TextContent.Trim()).ToList();
        Assert.Equal(["Title Admin unpublished the module a-module-deleted-since", $"Title Admin unpublished the module \u201c{title}\u201d"], sentences);
    }

    [Fact]
    public async Task AuditPage_ViewerInAnotherZone_ShowsTimesInTheirZone()
    {
        var (admin, adminName) = await AdminAsync("Zoned Admin", "Asia/Tokyo");
        var target = await AccountAsync("Zoned Target");
        await LockAsync(target, adminName);
        DateTime at;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            at = (await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().AuditEntries.SingleAsync(e => e.Action == AuditAction.Locked && e.Subject == target.UserName)).At;
        }

        var page = await admin.GetPageAsync($"/admin/audit?action=Locked&person={target.UserName}");

        var tokyo = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(at, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        Assert.Equal(tokyo.ToString("d MMM yyyy, HH:mm", System.Globalization.CultureInfo.InvariantCulture), page.Text("table.audit tbody td"));
        Assert.Contains("Times are in Asia/Tokyo", page.Text("#audit-count"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditCsv_FormulaLikeSubject_IsEscapedAndQuoted()
    {
        var (admin, _) = await AdminAsync("Csv Admin");
        using (var visitor = factory.CreateBrowser())
        using (await visitor.TrySignInAsync("=HYPERLINK(\"x\",\"y\")", "guess"))
        {
        }

        using var response = await admin.GetAsync("/admin/audit?handler=Csv&action=SignInFailed&person=" + Uri.EscapeDataString("=HYPERLINK(\"x\",\"y\")"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("When (", lines[0], StringComparison.Ordinal);
        var row = Assert.Single(lines.Skip(1));
        Assert.Contains(",\"A sign-in as =HYPERLINK(\"\"x\"\",\"\"y\"\") failed\",SignInFailed,,\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\",", row, StringComparison.Ordinal);
    }

    private async Task<(HttpClient Client, string Name)> AdminAsync(string displayName, string? timeZone = null)
    {
        var user = await AccountAsync(displayName, Roles.Admin);
        if (timeZone is not null)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().Users.Where(u => u.Id == user.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.TimeZoneId, timeZone));
        }

        var client = factory.CreateBrowser();
        await client.SignInAsync(user.UserName!);
        return (client, user.UserName!);
    }

    private async Task<SkillBridgeUser> AccountAsync(string displayName, params string[] roles)
    {
        var username = Infrastructure.Accounts.UniqueName("audited");
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AccountService>()
            .CreateAsync(new NewAccount(username, username + "@test.example", Infrastructure.Accounts.Password, displayName), ProfileClaim.Allowed, "test", roles);
        Assert.True(result.Succeeded);
        return result.User!;
    }

    private async Task LockAsync(SkillBridgeUser target, string actor)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Equal(RoleChange.Done, await scope.ServiceProvider.GetRequiredService<AccountService>().SetLockedAsync(target.Id, true, actor));
    }
}
