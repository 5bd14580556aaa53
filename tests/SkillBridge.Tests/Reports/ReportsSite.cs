using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Assignments;
using SkillBridge.Core.Data;
using SkillBridge.Core.Departments;
using SkillBridge.Core.Groups;
using SkillBridge.Core.Mentoring;
using SkillBridge.Core.People;
using SkillBridge.Core.Progress;
using SkillBridge.Tests.Infrastructure;
using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Reports;

/// <summary>
/// The starter site on a manual clock (now: 22 November 2026) with a hand-built organisation whose report figures are
/// worked out in the comments below, written straight into the tables as the contract between the L&amp;D helpers says.
/// <list type="bullet">
/// <item>Departments Sales and Engineering. Ana was in Sales until 1 June 2026, then Engineering; Ben is in Sales; Cy
/// and Dee in Engineering. Priya Shah (author of short-video-basics) is in Sales.</item>
/// <item>The group <c>=HYPERLINK("http://x","y")</c> holds Ana and Ben since 1 January 2026.</item>
/// <item>Assignment 1 (a module, through the group, 1 May 2026, due 1 June): Ana completed 10 June (late, then in Sales),
/// Ben completed 20 May. Assignment 2 (another module, to people, 1 October 2026): Ana started, due 1 December (in
/// progress, Engineering); Cy due 1 November, not completed (overdue); Dee due 1 December, not started, reached
/// through two targets (counted once); Ben's share ended when he left, not completed (not counted).</item>
/// <item>Voluntary learning of short-video-basics: six Engineering learners (four completed in September, two in
/// October; ratings 4, 4, 5, 5, 3, 3; three stuck on step 2) and two Sales learners (completed in October, rated 4
/// and 4).</item>
/// <item>Mentoring: four requests by Engineering learners to Priya on 1 October 2026, answered after 1, 2, 3 and 10
/// hours (median 2.5 hours), one of them held.</item>
/// </list>
/// </summary>
public sealed class ReportsSite : IAsyncLifetime
{
    public const string GroupName = "=HYPERLINK(\"http://x\",\"y\")";
    public const string VoluntaryModule = "short-video-basics";

    public TestSite.ManualClock Clock { get; } = new(TestSite.Now);

    public SkillBridgeWebFactory Factory { get; private set; } = null!;

    public int Sales { get; private set; }

    public int Engineering { get; private set; }

    public int GroupId { get; private set; }

    public async Task InitializeAsync()
    {
        Factory = new SkillBridgeWebFactory { Clock = Clock };
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>();
        await BuildAsync(db);
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    public Task<HttpClient> CuratorAsync() => Factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("curator"), Roles.Curator);

    private static DateTime At(int month, int day, int hour = 9) => new(2026, month, day, hour, 0, 0, DateTimeKind.Utc);

    private async Task BuildAsync(SkillBridgeDbContext db)
    {
        // The starter people.yml already names a Sales department; the fixture's people join it.
        var sales = await db.Departments.SingleOrDefaultAsync(d => d.Name == "Sales") ?? db.Departments.Add(new Department { Name = "Sales" }).Entity;
        var engineering = new Department { Name = "Engineering" };
        var group = new Group { Name = GroupName, CreatedAt = At(1, 1) };
        db.AddRange(engineering, group);
        await db.SaveChangesAsync();
        (Sales, Engineering, GroupId) = (sales.Id, engineering.Id, group.Id);

        var modules = await db.Modules.AsNoTracking().Where(m => m.PublishedRevisionId != null).OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.Slug, Revision = m.PublishedRevisionId!.Value }).ToListAsync();
        var voluntary = modules.Single(m => m.Slug == VoluntaryModule);
        var (first, second) = (modules.First(m => m.Id != voluntary.Id), modules.Where(m => m.Id != voluntary.Id).Skip(1).First());

        var priya = await db.People.SingleAsync(p => p.Username == "priya.shah");
        var priyaUser = User(priya);
        db.Users.Add(priyaUser);
        db.DepartmentMemberships.RemoveRange(await db.DepartmentMemberships.Where(m => m.PersonId == priya.Id).ToListAsync());
        priya.DepartmentId = sales.Id;
        db.DepartmentMemberships.Add(new DepartmentMembership { PersonId = priya.Id, DepartmentId = sales.Id });

        // Her history now says Sales throughout, so the department her revisions were published in says so too.
        await db.Database.ExecuteSqlInterpolatedAsync($"""UPDATE "RevisionAuthors" SET "DepartmentId" = {sales.Id} WHERE "PersonId" = {priya.Id}""");

        var ana = Person("Ana Assigned");
        var ben = Person("Ben Assigned");
        var cy = Person("Cy Assigned");
        var dee = Person("Dee Assigned");
        var engineers = Enumerable.Range(1, 6).Select(i => Person($"Engineer {i}")).ToList();
        var sellers = Enumerable.Range(1, 2).Select(i => Person($"Seller {i}")).ToList();
        db.People.AddRange([ana, ben, cy, dee, .. engineers, .. sellers]);
        await db.SaveChangesAsync();

        db.DepartmentMemberships.AddRange(
            new DepartmentMembership { PersonId = ana.Id, DepartmentId = sales.Id, StartedAt = null, EndedAt = At(6, 1) },
            new DepartmentMembership { PersonId = ana.Id, DepartmentId = engineering.Id, StartedAt = At(6, 1) },
            new DepartmentMembership { PersonId = ben.Id, DepartmentId = sales.Id },
            new DepartmentMembership { PersonId = cy.Id, DepartmentId = engineering.Id },
            new DepartmentMembership { PersonId = dee.Id, DepartmentId = engineering.Id, StartedAt = At(1, 1) });
        db.DepartmentMemberships.AddRange(engineers.Select(p => new DepartmentMembership { PersonId = p.Id, DepartmentId = engineering.Id }));
        db.DepartmentMemberships.AddRange(sellers.Select(p => new DepartmentMembership { PersonId = p.Id, DepartmentId = sales.Id }));
        db.GroupMemberships.AddRange(
            new GroupMembership { GroupId = group.Id, PersonId = ana.Id, JoinedAt = At(1, 1) },
            new GroupMembership { GroupId = group.Id, PersonId = ben.Id, JoinedAt = At(1, 1) });

        var one = new Assignment { ModuleId = first.Id, DueKind = DueDateKind.Fixed, DueAt = At(6, 1), AssignedAt = At(5, 1) };
        one.Targets.Add(new AssignmentTarget { Kind = AssignmentTargetKind.Group, TargetId = group.Id });
        var two = new Assignment { ModuleId = second.Id, DueKind = DueDateKind.Fixed, DueAt = At(12, 1), AssignedAt = At(10, 1) };
        db.Assignments.AddRange(one, two);
        await db.SaveChangesAsync();

        LearnerAssignment Share(Assignment assignment, Person person, DateTime? due, AssignmentTargetKind via = AssignmentTargetKind.Person) => new()
        {
            AssignmentId = assignment.Id,
            PersonId = person.Id,
            ViaKind = via,
            ViaId = via == AssignmentTargetKind.Group ? group.Id : person.Id,
            AssignedAt = assignment.AssignedAt,
            DueAt = due,
        };

        var anaLate = Share(one, ana, At(6, 1), AssignmentTargetKind.Group);
        anaLate.StartedAt = At(5, 2);
        anaLate.CompletedAt = At(6, 10);
        var benDone = Share(one, ben, At(6, 1), AssignmentTargetKind.Group);
        benDone.StartedAt = At(5, 3);
        benDone.CompletedAt = At(5, 20);
        var anaStarted = Share(two, ana, At(12, 1));
        anaStarted.StartedAt = At(10, 5);
        var benEnded = Share(two, ben, At(12, 1));
        benEnded.EndedAt = At(10, 2);
        var deeTwice = Share(two, dee, At(12, 1), AssignmentTargetKind.Department);
        deeTwice.ViaId = engineering.Id;
        db.LearnerAssignments.AddRange(anaLate, benDone, anaStarted, benEnded, Share(two, cy, At(11, 1)), Share(two, dee, At(12, 1)), deeTwice);

        var engineerUsers = engineers.Select(User).ToList();
        var sellerUsers = sellers.Select(User).ToList();
        db.Users.AddRange([.. engineerUsers, .. sellerUsers]);
        int[] stars = [4, 4, 5, 5, 3, 3];
        for (var i = 0; i < engineerUsers.Count; i++)
        {
            var completed = i < 4 ? At(9, 10 + i) : At(10, 10 + i);
            db.ModuleProgress.Add(Progress(engineerUsers[i], engineering.Id, voluntary.Id, voluntary.Revision, At(9, 1), completed));
            db.ModuleRatings.Add(new ModuleRating { UserId = engineerUsers[i].Id, PersonId = engineers[i].Id, DepartmentId = engineering.Id, ModuleId = voluntary.Id, RevisionId = voluntary.Revision, Stars = stars[i], RatedAt = completed });
            if (i < 3)
            {
                db.StuckFlags.Add(new StuckFlag { UserId = engineerUsers[i].Id, PersonId = engineers[i].Id, DepartmentId = engineering.Id, ModuleId = voluntary.Id, RevisionId = voluntary.Revision, StepNumber = 2, FlaggedAt = At(9, 2) });
            }
        }

        foreach (var seller in sellerUsers)
        {
            db.ModuleProgress.Add(Progress(seller, sales.Id, voluntary.Id, voluntary.Revision, At(10, 1), At(10, 3)));
            db.ModuleRatings.Add(new ModuleRating { UserId = seller.Id, PersonId = seller.PersonId, DepartmentId = sales.Id, ModuleId = voluntary.Id, RevisionId = voluntary.Revision, Stars = 4, RatedAt = At(10, 3) });
        }

        int[] answeredAfterHours = [1, 2, 3, 10];
        for (var i = 0; i < answeredAfterHours.Length; i++)
        {
            db.MentoringRequests.Add(new MentoringRequest
            {
                ModuleId = voluntary.Id,
                LearnerId = engineerUsers[i].Id,
                AuthorId = priyaUser.Id,
                Message = "Could we go through it together?",
                CalendarUid = $"report-test-{Guid.NewGuid():N}",
                State = i == 0 ? MentoringState.Held : MentoringState.Declined,
                StartsAt = i == 0 ? At(10, 5) : null,
                EndsAt = i == 0 ? At(10, 5, 10) : null,
                CreatedAt = At(10, 1),
                UpdatedAt = At(10, 1, 9 + answeredAfterHours[i]),
                AuthorAnsweredAt = At(10, 1, 9 + answeredAfterHours[i]),
            });
        }

        await db.SaveChangesAsync();
    }

    private static Person Person(string name) => new() { Username = Infrastructure.Accounts.UniqueName("report"), Name = name };

    private static SkillBridgeUser User(Person person) => new()
    {
        UserName = person.Username,
        NormalizedUserName = person.Username.ToUpperInvariant(),
        Email = person.Username + "@test.example",
        NormalizedEmail = (person.Username + "@test.example").ToUpperInvariant(),
        SecurityStamp = Guid.NewGuid().ToString("N"),
        PersonId = person.Id,
    };

    private static ModuleProgress Progress(SkillBridgeUser user, int department, int module, int revision, DateTime started, DateTime? completed) => new()
    {
        UserId = user.Id,
        PersonId = user.PersonId,
        DepartmentId = department,
        ModuleId = module,
        RevisionId = revision,
        StepCount = 4,
        StartedAt = started,
        UpdatedAt = completed ?? started,
        LastStep = completed is null ? 1 : 4,
        CompletedAt = completed,
    };
}
