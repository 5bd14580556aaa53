using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Departments;
using SkillBridge.Tests.Departments;
using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Content;

/// <summary>people.yml and the department list: import adds what the site lacks and says so, and keeps each person's history.</summary>
public sealed class ContentImporterDepartmentTests : IAsyncLifetime
{
    private TestSite _site = null!;
    private ContentBuilder _content = null!;

    public async Task InitializeAsync()
    {
        _site = await TestSite.CreateAsync();
        _content = ContentBuilder.Valid();
    }

    public async Task DisposeAsync()
    {
        _content.Dispose();
        await _site.DisposeAsync();
    }

    [Fact]
    public async Task ImportAsync_DepartmentTheSiteLacks_AddsItSaysSoAndPutsPeopleInIt()
    {
        var result = await _site.ImportAsync(_content.Root);

        Assert.True(result.Succeeded);
        Assert.Equal(["IT"], result.DepartmentsAdded);
        var people = await _site.WithDbAsync(db => db.People.AsNoTracking().Include(p => p.Department).OrderBy(p => p.Username).ToListAsync());
        Assert.All(people, p => Assert.Equal("IT", p.Department!.Name));
        var stay = Assert.Single(await _site.DepartmentHistoryAsync(people[0].Id));
        Assert.Equal((TestSite.Now.UtcDateTime, (DateTime?)null), (stay.StartedAt, stay.EndedAt));
    }

    [Fact]
    public async Task ImportAsync_DepartmentTheSiteHasInAnotherCase_UsesItAndAddsNothing()
    {
        var it = await _site.AddDepartmentAsync("it");

        var result = await _site.ImportAsync(_content.Root);

        Assert.Empty(result.DepartmentsAdded);
        Assert.Equal(2, await _site.WithDbAsync(db => db.People.CountAsync(p => p.DepartmentId == it)));
    }

    [Fact]
    public async Task ImportAsync_PersonMovedToAnotherDepartment_EndsTheOldStayAndStartsANewOne()
    {
        await _site.ImportAsync(_content.Root);
        _site.Clock.Advance(TimeSpan.FromDays(3));
        _content.Write("people.yml", """
            - username: priya.shah
              name: priya shah
              department: Marketing
              roles: [author]
            - username: tom.okafor
              name: tom okafor
              department: IT
              roles: [author]
            """);

        var result = await _site.ImportAsync(_content.Root);

        Assert.Equal(["Marketing"], result.DepartmentsAdded);
        Assert.Equal(1, result.Counts.PeopleChanged);
        var priya = await _site.WithDbAsync(db => db.People.Where(p => p.Username == "priya.shah").Select(p => p.Id).SingleAsync());
        var now = _site.Clock.GetUtcNow().UtcDateTime;
        Assert.Collection(
            await _site.DepartmentHistoryAsync(priya),
            it => Assert.Equal(now, it.EndedAt),
            marketing => Assert.Equal((now, (DateTime?)null), (marketing.StartedAt, marketing.EndedAt)));
    }

    [Fact]
    public async Task ImportAsync_EntryWithoutDepartment_LeavesTheDepartmentAnAdminSet()
    {
        await _site.ImportAsync(_content.Root);
        _content.Write("people.yml", "- username: priya.shah\n  name: priya shah\n  roles: [author]\n- username: tom.okafor\n  name: tom okafor\n  department: IT\n  roles: [author]\n");

        await _site.ImportAsync(_content.Root);

        Assert.Equal("IT", await _site.WithDbAsync(db => db.People.Where(p => p.Username == "priya.shah").Select(p => p.Department!.Name).SingleAsync()));
    }

    [Fact]
    public async Task ImportAsync_RetiredDepartment_FailsWithTheLineAndChangesNothing()
    {
        await _site.WithDbAsync(db =>
        {
            db.Departments.Add(new Department { Name = "IT", RetiredAt = TestSite.Now.UtcDateTime.AddDays(-1) });
            return db.SaveChangesAsync();
        });

        var result = await _site.ImportAsync(_content.Root);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.File == "people.yml" && p.Line == 1 && p.Message == "department 'IT' is retired in the site; name a current department");
        Assert.Equal(0, await _site.WithDbAsync(db => db.People.CountAsync()));
        Assert.Equal(1, await _site.WithDbAsync(db => db.Departments.CountAsync()));
    }

    [Fact]
    public async Task ImportAsync_DepartmentMergedIntoAnother_PutsPeopleWhereTheMergeWent()
    {
        var sales = await _site.AddDepartmentAsync("Sales");
        await _site.WithDbAsync(db =>
        {
            db.Departments.Add(new Department { Name = "IT", RetiredAt = TestSite.Now.UtcDateTime.AddDays(-1), MergedIntoId = sales });
            return db.SaveChangesAsync();
        });

        var result = await _site.ImportAsync(_content.Root);

        Assert.True(result.Succeeded);
        Assert.Equal(2, await _site.WithDbAsync(db => db.People.CountAsync(p => p.DepartmentId == sales)));
    }

    [Fact]
    public async Task ExportAsync_PersonInADepartment_WritesItsName()
    {
        await _site.ImportAsync(_content.Root);
        var folder = Path.Combine(_content.Root, "exported");

        await _site.ExportAsync(folder);

        Assert.Contains("  department: IT\n", await File.ReadAllTextAsync(Path.Combine(folder, "people.yml")), StringComparison.Ordinal);
    }
}
