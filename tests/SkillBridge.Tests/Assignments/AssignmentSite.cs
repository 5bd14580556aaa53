using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Assignments;
using SkillBridge.Core.Data;
using SkillBridge.Core.Groups;
using SkillBridge.Core.Progress;
using SkillBridge.Tests.Infrastructure;
using SkillBridge.Tests.Progress;
using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Assignments;

/// <summary>
/// The starter site on a fake clock without its background work (the test runs the reminder runners itself), optionally
/// with mail pointed at a real SMTP server. People join groups by rows added here plus <see cref="AssignmentCoverage"/>,
/// as the groups pages do.
/// </summary>
public sealed class AssignmentSite : IAsyncDisposable
{
    public AssignmentSite(bool withMail = false)
    {
        Factory = new SkillBridgeWebFactory
        {
            Clock = Clock,
            TestServices = services =>
            {
                foreach (var hosted in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Assembly.GetName().Name?.StartsWith("SkillBridge", StringComparison.Ordinal) == true).ToList())
                {
                    services.Remove(hosted);
                }
            },
        };
        if (withMail)
        {
            Smtp = new SmtpServer();
            Factory.UseSmtp(Smtp);
        }
    }

    public SmtpServer? Smtp { get; }

    public FakeTimeProvider Clock { get; } = new(TestSite.Now);

    public SkillBridgeWebFactory Factory { get; }

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    /// <summary>An account (and its person) in a time zone.</summary>
    public async Task<Member> AccountAsync(string prefix, string timeZone = "Europe/London", params string[] roles)
    {
        var username = Infrastructure.Accounts.UniqueName(prefix);
        var user = await Factory.CreateAccountAsync(username, roles);
        await WithDbAsync(async db =>
        {
            var row = await db.Users.SingleAsync(u => u.Id == user.Id);
            row.TimeZoneId = timeZone;
            return await db.SaveChangesAsync();
        });
        return new Member(user.Id, user.PersonId!.Value, username);
    }

    public async Task<int> GroupAsync(string name, params Member[] members)
    {
        var group = new Group { Name = name, CreatedAt = Now };
        await WithDbAsync(async db =>
        {
            db.Groups.Add(group);
            await db.SaveChangesAsync();
            db.GroupMemberships.AddRange(members.Select(m => new GroupMembership { GroupId = group.Id, PersonId = m.PersonId, JoinedAt = Now }));
            return await db.SaveChangesAsync();
        });
        return group.Id;
    }

    /// <summary>Adds the person to the group now, with the coverage call the groups pages make, in one save.</summary>
    public Task JoinAsync(Member member, int groupId) => WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<SkillBridgeDbContext>();
        db.GroupMemberships.Add(new GroupMembership { GroupId = groupId, PersonId = member.PersonId, JoinedAt = Now });
        await services.GetRequiredService<AssignmentCoverage>().PersonJoinedAsync(member.PersonId, AssignmentTargetKind.Group, groupId, Now);
        await db.SaveChangesAsync();
    });

    public Task LeaveAsync(Member member, int groupId) => WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<SkillBridgeDbContext>();
        var membership = await db.GroupMemberships.SingleAsync(m => m.GroupId == groupId && m.PersonId == member.PersonId && m.LeftAt == null);
        membership.LeftAt = Now;
        await services.GetRequiredService<AssignmentCoverage>().PersonLeftAsync(member.PersonId, AssignmentTargetKind.Group, groupId, Now);
        await db.SaveChangesAsync();
    });

    public Task<int> ModuleIdAsync(string slug) => WithDbAsync(db => db.Modules.Where(m => m.Slug == slug).Select(m => m.Id).SingleAsync());

    public Task<int> PathIdAsync(string slug) => WithDbAsync(db => db.LearningPaths.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync());

    public async Task<Assignment> AssignAsync(Member curator, AssignmentInput input)
    {
        var result = await WithScopeAsync(services => services.GetRequiredService<AssignmentService>().CreateAsync(input, curator.UserId));
        Assert.True(result.Succeeded, string.Join(" ", result.Problems.Select(p => p.Message)));
        return result.Value!;
    }

    public Task<AssignmentResult<Assignment>> ChangeAsync(Member curator, int id, AssignmentInput input) =>
        WithScopeAsync(services => services.GetRequiredService<AssignmentService>().ChangeAsync(id, input, curator.UserId));

    public Task<AssignmentResult<Assignment>> RemoveAsync(Member curator, int id) =>
        WithScopeAsync(services => services.GetRequiredService<AssignmentService>().RemoveAsync(id, curator.UserId));

    /// <summary>One reminders pass, as one web node's background service runs it.</summary>
    public Task<ReminderPassOutcome> RunRemindersAsync() =>
        WithScopeAsync(services => services.GetRequiredService<AssignmentReminders>().RunDueAsync());

    public Task<List<LearnerAssignment>> SharesAsync(int assignmentId) =>
        WithDbAsync(db => db.LearnerAssignments.AsNoTracking().Where(l => l.AssignmentId == assignmentId).OrderBy(l => l.Id).ToListAsync());

    public Task<List<AssignmentReminder>> RemindersAsync(int assignmentId) =>
        WithDbAsync(db => db.AssignmentReminders.AsNoTracking().Where(r => db.LearnerAssignments.Any(l => l.Id == r.LearnerAssignmentId && l.AssignmentId == assignmentId)).ToListAsync());

    public Task<List<string>> NotificationsAsync(Member member) =>
        WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.UserId == member.UserId).OrderBy(n => n.Id).Select(n => n.Text).ToListAsync());

    /// <summary>A completion of the module's published revision, written as the progress service would have.</summary>
    public Task CompletedAsync(Member member, string slug, DateTime at) => WithDbAsync(async db =>
    {
        var module = await db.Modules.Where(m => m.Slug == slug).Select(m => new { m.Id, RevisionId = m.PublishedRevisionId!.Value }).SingleAsync();
        var department = await db.People.Where(p => p.Id == member.PersonId).Select(p => p.DepartmentId).SingleAsync();
        db.ModuleProgress.Add(new ModuleProgress { UserId = member.UserId, PersonId = member.PersonId, DepartmentId = department, ModuleId = module.Id, RevisionId = module.RevisionId, StepCount = 1, StartedAt = at, UpdatedAt = at, LastStep = 1, CompletedAt = at });
        return await db.SaveChangesAsync();
    });

    public Task<T> WithDbAsync<T>(Func<SkillBridgeDbContext, Task<T>> work) => Factory.WithDbAsync(work);

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async Task WithScopeAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        Smtp?.Dispose();
    }
}

/// <summary>An account and its person.</summary>
public sealed record Member(string UserId, int PersonId, string Username);
