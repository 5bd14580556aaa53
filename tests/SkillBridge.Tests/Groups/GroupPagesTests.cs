using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Data;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Groups;

/// <summary>A curator's group pages: create, add by name search, by department and from a pasted list, remove.</summary>
public sealed class GroupPagesTests(SkillBridgeWebFactory factory) : IClassFixture<SkillBridgeWebFactory>
{
    [Fact]
    public async Task CreateForm_ByCurator_OpensTheNewGroupsPage()
    {
        using var curator = await CuratorAsync();
        var name = "Sales leadership " + Guid.NewGuid().ToString("N")[..6];

        var (id, page) = await CreateGroupAsync(curator, name);

        Assert.True(id > 0);
        Assert.Equal(name, page.Text("h1"));
        Assert.Equal($"Created the group {name}.", page.Text("#page-message-text"));
        Assert.Equal("Nobody is in this group yet. Add people below.", page.Text("h2#members-heading + p"));
    }

    [Fact]
    public async Task CreateForm_NameWithALineBreak_SaysSoNextToTheField()
    {
        using var curator = await CuratorAsync();
        var page = await curator.GetPageAsync("/groups");

        using var response = await curator.SubmitAsync((IHtmlFormElement)page.QuerySelector("form.group-form")!, [new("Name", "New\njoiners"), new("Description", "")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("The group's name must be a single line without control characters.", HtmlPages.Parse(await response.Content.ReadAsStringAsync()).Text("#Name-error"));
    }

    [Fact]
    public async Task NameSearch_AddThenRemove_ChangesTheMembersWithHistory()
    {
        using var curator = await CuratorAsync();
        var (id, _) = await CreateGroupAsync(curator, "Search group " + Guid.NewGuid().ToString("N")[..6]);
        var search = await curator.GetPageAsync($"/groups/{id}?q=priya");
        var add = (IHtmlFormElement)search.QuerySelector("li[data-username='priya.shah'] form")!;

        using (var added = await curator.SubmitAsync(add, []))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        var page = await curator.GetPageAsync($"/groups/{id}?q=priya");
        Assert.NotNull(page.QuerySelector("tr[data-username='priya.shah']"));
        Assert.Equal("In the group", page.Text("li[data-username='priya.shah'] .in-group"));
        using (var removed = await curator.SubmitAsync((IHtmlFormElement)page.QuerySelector("tr[data-username='priya.shah'] form")!, []))
        {
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        }

        Assert.Null((await curator.GetPageAsync($"/groups/{id}")).QuerySelector("tr[data-username='priya.shah']"));
        var rows = await WithDbAsync(db => db.GroupMemberships.AsNoTracking().Where(m => m.GroupId == id).ToListAsync());
        Assert.NotNull(Assert.Single(rows).LeftAt);
    }

    [Fact]
    public async Task DepartmentForm_AddsEveryoneNowInTheDepartment()
    {
        using var curator = await CuratorAsync();
        var (id, page) = await CreateGroupAsync(curator, "Department group " + Guid.NewGuid().ToString("N")[..6]);
        var finance = await WithDbAsync(db => db.Departments.Where(d => d.Name == "Finance").Select(d => d.Id).SingleAsync());
        var form = (IHtmlFormElement)page.QuerySelector("form[action*='handler=AddDepartment']")!;

        using var response = await curator.SubmitAsync(form, [new("DepartmentId", finance.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var inFinance = await WithDbAsync(db => db.People.Where(p => p.DepartmentId == finance).Select(p => p.Username).OrderBy(u => u).ToListAsync());
        Assert.NotEmpty(inFinance);
        var members = (await curator.GetPageAsync($"/groups/{id}")).QuerySelectorAll("tr[data-username]").Select(r => r.GetAttribute("data-username")!).Order(StringComparer.Ordinal);
        Assert.Equal(inFinance, members);
    }

    [Fact]
    public async Task PastedList_PreviewCountsAndGivesLineReasons_ThenConfirmAddsTheReadyOnes()
    {
        using var curator = await CuratorAsync();
        var (id, _) = await CreateGroupAsync(curator, "Pasted group " + Guid.NewGuid().ToString("N")[..6]);
        var paste = await curator.GetPageAsync($"/groups/{id}/paste");

        using var checkResponse = await curator.SubmitAsync((IHtmlFormElement)paste.QuerySelector("form.paste-form")!, [new("List", "priya.shah\nnobody.here\nTOM.OKAFOR@example.com; priya.shah")]);

        Assert.Equal(HttpStatusCode.OK, checkResponse.StatusCode);
        var preview = HtmlPages.Parse(await checkResponse.Content.ReadAsStringAsync());
        Assert.Equal("2 ready, 2 with problems", preview.Text("#paste-summary"));
        Assert.Equal("Line 2, “nobody.here”: unknown: nobody here has this username or e-mail address", preview.Text(".paste-problems li[data-line='2']"));
        Assert.Equal("Line 3, “priya.shah”: listed twice: Priya Shah is already on line 1", preview.Text(".paste-problems li[data-line='3']"));
        Assert.Equal(0, await WithDbAsync(db => db.GroupMemberships.CountAsync(m => m.GroupId == id)));

        using var confirm = await curator.SubmitAsync((IHtmlFormElement)preview.QuerySelector("form.paste-confirm")!, []);

        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        var group = await curator.GetPageAsync($"/groups/{id}");
        Assert.Contains("Added 2 people", group.Text("#page-message-text"), StringComparison.Ordinal);
        Assert.Equal(["priya.shah", "tom.okafor"], group.QuerySelectorAll("tr[data-username]").Select(r => r.GetAttribute("data-username")!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PastedList_Empty_SaysSoNextToTheField()
    {
        using var curator = await CuratorAsync();
        var (id, _) = await CreateGroupAsync(curator, "Empty paste " + Guid.NewGuid().ToString("N")[..6]);
        var paste = await curator.GetPageAsync($"/groups/{id}/paste");

        using var response = await curator.SubmitAsync((IHtmlFormElement)paste.QuerySelector("form.paste-form")!, [new("List", " \n ")]);

        Assert.Equal("Paste at least one username or e-mail address.", HtmlPages.Parse(await response.Content.ReadAsStringAsync()).Text("#List-error"));
    }

    private Task<HttpClient> CuratorAsync() => factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("curator"), Roles.Curator);

    private static async Task<(int Id, AngleSharp.Html.Dom.IHtmlDocument Page)> CreateGroupAsync(HttpClient curator, string name)
    {
        var list = await curator.GetPageAsync("/groups");
        using var response = await curator.SubmitAsync((IHtmlFormElement)list.QuerySelector("form.group-form")!, [new("Name", name), new("Description", "For the test")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        return (int.Parse(location.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture), await curator.GetPageAsync(location));
    }

    private async Task<T> WithDbAsync<T>(Func<SkillBridgeDbContext, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>());
    }
}
