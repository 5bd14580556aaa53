using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Assignments;
using SkillBridge.Core.Departments;
using SkillBridge.Core.Groups;
using SkillBridge.Core.Paths;
using SkillBridge.Core.People;
using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Departments;

/// <summary>People, departments, groups and assignments written straight into a test site's database.</summary>
public static class OrganisationRows
{
    public static Task<int> AddDepartmentAsync(this TestSite site, string name) => site.WithDbAsync(async db =>
    {
        var department = db.Departments.Add(new Department { Name = name }).Entity;
        await db.SaveChangesAsync();
        return department.Id;
    });

    /// <summary>A person, in the department since before the site kept dates (as the data step leaves everyone) when one is given.</summary>
    public static Task<int> AddPersonAsync(this TestSite site, string username, int? departmentId = null, string? email = null, DateTime? leftAt = null) => site.WithDbAsync(async db =>
    {
        var person = db.People.Add(new Person { Username = username, Name = NameOf(username), Email = email, DepartmentId = departmentId, LeftAt = leftAt }).Entity;
        await db.SaveChangesAsync();
        if (departmentId is { } id)
        {
            db.DepartmentMemberships.Add(new DepartmentMembership { PersonId = person.Id, DepartmentId = id });
            await db.SaveChangesAsync();
        }

        return person.Id;
    });

    public static Task<int> AddGroupAsync(this TestSite site, string name) => site.WithDbAsync(async db =>
    {
        var group = db.Groups.Add(new Group { Name = name, CreatedAt = TestSite.Now.UtcDateTime.AddDays(-30) }).Entity;
        await db.SaveChangesAsync();
        return group.Id;
    });

    public static Task AddGroupMemberAsync(this TestSite site, int groupId, int personId) => site.WithDbAsync(async db =>
    {
        db.GroupMemberships.Add(new GroupMembership { GroupId = groupId, PersonId = personId, JoinedAt = TestSite.Now.UtcDateTime.AddDays(-10) });
        return await db.SaveChangesAsync();
    });

    /// <summary>An assignment of a new (empty) path to a group or department, made a week ago with no due date.</summary>
    public static Task<int> AddAssignmentAsync(this TestSite site, AssignmentTargetKind kind, int targetId) => site.WithDbAsync(async db =>
    {
        var path = db.LearningPaths.Add(new LearningPath { Slug = "path-" + Guid.NewGuid().ToString("N")[..8], Title = "A path" }).Entity;
        await db.SaveChangesAsync();
        var assignment = new Assignment { LearningPathId = path.Id, Note = "Please do this", AssignedAt = TestSite.Now.UtcDateTime.AddDays(-7) };
        assignment.Targets.Add(new AssignmentTarget { Kind = kind, TargetId = targetId });
        db.Assignments.Add(assignment);
        await db.SaveChangesAsync();
        return assignment.Id;
    });

    public static Task<List<LearnerAssignment>> SharesOfAsync(this TestSite site, int personId) =>
        site.WithDbAsync(db => db.LearnerAssignments.AsNoTracking().Where(l => l.PersonId == personId).OrderBy(l => l.Id).ToListAsync());

    public static Task<List<DepartmentMembership>> DepartmentHistoryAsync(this TestSite site, int personId) =>
        site.WithDbAsync(db => db.DepartmentMemberships.AsNoTracking().Where(m => m.PersonId == personId).OrderBy(m => m.Id).ToListAsync());

    public static async Task<T> WithServiceAsync<TService, T>(this TestSite site, Func<TService, Task<T>> work)
        where TService : notnull
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public static string NameOf(string username) =>
        string.Join(' ', username.Split('.').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
}
