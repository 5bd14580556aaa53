using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Assignments;
using SkillBridge.Core.Departments;
using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Departments;

/// <summary>The department list admins keep and each person's department history, with assignments following the moves.</summary>
public sealed class DepartmentServiceTests : IAsyncLifetime
{
    private TestSite _site = null!;

    private DateTime Now => _site.Clock.GetUtcNow().UtcDateTime;

    public async Task InitializeAsync() => _site = await TestSite.CreateAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task AddAsync_NewName_AddsTrimmedAndAudits()
    {
        var result = await _site.WithServiceAsync<DepartmentService, DepartmentResult>(sut => sut.AddAsync("  Customer Care ", "admin.one"));

        Assert.True(result.Succeeded);
        Assert.Equal(["Customer Care"], await _site.WithDbAsync(db => db.Departments.Select(d => d.Name).ToListAsync()));
        Assert.Contains(await AuditAsync(AuditAction.DepartmentAdded), e => e.Actor == "admin.one" && e.Subject == "Customer Care");
    }

    [Theory]
    [InlineData("", "Enter the department's name.")]
    [InlineData("   ", "Enter the department's name.")]
    [InlineData("sales", "There is already a department called Sales.")]
    [InlineData("Sa\nles", "The department's name must be a single line without control characters.")]
    [InlineData("Sales\u0007", "The department's name must be a single line without control characters.")]
    public async Task AddAsync_BadName_IsRefusedWithTheReasonAndChangesNothing(string name, string message)
    {
        await _site.AddDepartmentAsync("Sales");

        var result = await _site.WithServiceAsync<DepartmentService, DepartmentResult>(sut => sut.AddAsync(name, "admin.one"));

        Assert.Equal(DepartmentStatus.Invalid, result.Status);
        Assert.Equal(message, result.Message);
        Assert.Equal(1, await _site.WithDbAsync(db => db.Departments.CountAsync()));
        Assert.Empty(await AuditAsync(AuditAction.DepartmentAdded));
    }

    [Fact]
    public async Task RenameAsync_ToAnotherDepartmentsName_IsRefused()
    {
        var sales = await _site.AddDepartmentAsync("Sales");
        await _site.AddDepartmentAsync("Marketing");

        var result = await _site.WithServiceAsync<DepartmentService, DepartmentResult>(sut => sut.RenameAsync(sales, "MARKETING", "admin.one"));

        Assert.Equal("There is already a department called Marketing.", result.Message);
        Assert.Equal("Sales", await _site.WithDbAsync(db => db.Departments.Where(d => d.Id == sales).Select(d => d.Name).SingleAsync()));
    }

    [Fact]
    public async Task RenameAsync_NewName_KeepsPeopleAndHistoryAndAudits()
    {
        var sales = await _site.AddDepartmentAsync("Sales");
        var ann = await _site.AddPersonAsync("ann.lee", sales);

        var result = await _site.WithServiceAsync<DepartmentService, DepartmentResult>(sut => sut.RenameAsync(sales, "Sales and Marketing", "admin.one"));

        Assert.True(result.Succeeded);
        var history = await _site.DepartmentHistoryAsync(ann);
        Assert.Equal(sales, Assert.Single(history).DepartmentId);
        Assert.Equal("Sales and Marketing", await _site.WithDbAsync(db => db.People.Where(p => p.Id == ann).Select(p => p.Department!.Name).SingleAsync()));
        Assert.Contains(await AuditAsync(AuditAction.DepartmentRenamed), e => e.Subject == "Sales and Marketing" && e.Details == "was Sales");
    }

    [Fact]
    public async Task MergeAsync_PeopleMoveWithHistory_AndTheDepartmentIsRetiredPointingAtTheOther()
    {
        var field = await _site.AddDepartmentAsync("Field Sales");
        var sales = await _site.AddDepartmentAsync("Sales");
        var ann = await _site.AddPersonAsync("ann.lee", field);
        var bob = await _site.AddPersonAsync("bob.ray", field);
        var salesAssignment = await _site.AddAssignmentAsync(AssignmentTargetKind.Department, sales);

        var result = await _site.WithServiceAsync<DepartmentService, DepartmentResult>(sut => sut.MergeAsync(field, sales, "admin.one"));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("Merged Field Sales into Sales: 2 people moved.", result.Message);
        foreach (var person in new[] { ann, bob })
        {
            var history = await _site.DepartmentHistoryAsync(person);
            Assert.Collection(
                history,
                old => Assert.Equal((field, (DateTime?)null, (DateTime?)Now), (old.DepartmentId, old.StartedAt, old.EndedAt)),
                now => Assert.Equal((sales, (DateTime?)Now, (DateTime?)null), (now.DepartmentId, now.StartedAt, now.EndedAt)));
            var share = Assert.Single(await _site.SharesOfAsync(person));
            Assert.Equal((salesAssignment, AssignmentTargetKind.Department, sales, Now), (share.AssignmentId, share.ViaKind, share.ViaId, share.AssignedAt));
        }

        var merged = await _site.WithDbAsync(db => db.Departments.AsNoTracking().SingleAsync(d => d.Id == field));
        Assert.Equal((Now, sales), (merged.RetiredAt, merged.MergedIntoId));
        Assert.Equal(2, await _site.WithDbAsync(db => db.People.CountAsync(p => p.DepartmentId == sales)));
        Assert.Contains(await AuditAsync(AuditAction.DepartmentMerged), e => e.Subject == "Field Sales" && e.Details == "into Sales; 2 people moved");
    }

    [Fact]
    public async Task RetireAsync_DepartmentWithPeople_IsRefusedAndSaysWhatToDo()
    {
        var sales = await _site.AddDepartmentAsync("Sales");
        await _site.AddPersonAsync("ann.lee", sales);

        var result = await _site.WithServiceAsync<DepartmentService, DepartmentResult>(sut => sut.RetireAsync(sales, "admin.one"));

        Assert.Equal(DepartmentStatus.Invalid, result.Status);
        Assert.Equal("Sales still has 1 person. Move them to another department, or merge Sales into another department instead.", result.Message);
        Assert.Null(await _site.WithDbAsync(db => db.Departments.Where(d => d.Id == sales).Select(d => d.RetiredAt).SingleAsync()));
    }

    [Fact]
    public async Task RetireAsync_EmptyDepartment_RetiresItAndNobodyCanBePutInIt()
    {
        var sales = await _site.AddDepartmentAsync("Sales");
        await _site.AddPersonAsync("ann.lee");

        var retired = await _site.WithServiceAsync<DepartmentService, DepartmentResult>(sut => sut.RetireAsync(sales, "admin.one"));
        var set = await _site.WithServiceAsync<DepartmentService, DepartmentResult>(sut => sut.SetPersonDepartmentAsync("ann.lee", sales, "admin.one"));

        Assert.True(retired.Succeeded);
        Assert.Equal(Now, await _site.WithDbAsync(db => db.Departments.Where(d => d.Id == sales).Select(d => d.RetiredAt).SingleAsync()));
        Assert.Equal((DepartmentStatus.Invalid, "Choose a current department."), (set.Status, set.Message));
        Assert.Contains(await AuditAsync(AuditAction.DepartmentRetired), e => e.Subject == "Sales");
    }

    [Fact]
    public async Task SetPersonDepartmentAsync_Change_EndsTheOpenStayStartsANewOneAndMovesAssignments()
    {
        var it = await _site.AddDepartmentAsync("IT");
        var sales = await _site.AddDepartmentAsync("Sales");
        var ann = await _site.AddPersonAsync("ann.lee", it);
        var itAssignment = await _site.AddAssignmentAsync(AssignmentTargetKind.Department, it);
        var salesAssignment = await _site.AddAssignmentAsync(AssignmentTargetKind.Department, sales);
        await _site.WithDbAsync(db =>
        {
            db.LearnerAssignments.Add(new LearnerAssignment { AssignmentId = itAssignment, PersonId = ann, ViaKind = AssignmentTargetKind.Department, ViaId = it, AssignedAt = Now.AddDays(-7) });
            return db.SaveChangesAsync();
        });
        _site.Clock.Advance(TimeSpan.FromHours(1));

        var result = await _site.WithServiceAsync<DepartmentService, DepartmentResult>(sut => sut.SetPersonDepartmentAsync("ann.lee", sales, "admin.one"));

        Assert.True(result.Succeeded, result.Message);
        var history = await _site.DepartmentHistoryAsync(ann);
        Assert.Collection(
            history,
            old => Assert.Equal((it, (DateTime?)null, (DateTime?)Now), (old.DepartmentId, old.StartedAt, old.EndedAt)),
            now => Assert.Equal((sales, (DateTime?)Now, (DateTime?)null), (now.DepartmentId, now.StartedAt, now.EndedAt)));
        var shares = await _site.SharesOfAsync(ann);
        Assert.Equal(Now, shares.Single(s => s.AssignmentId == itAssignment).EndedAt);
        var joined = shares.Single(s => s.AssignmentId == salesAssignment);
        Assert.Equal((Now, (DateTime?)null), (joined.AssignedAt, joined.EndedAt));
        Assert.Contains(await AuditAsync(AuditAction.DepartmentChanged), e => e.Actor == "admin.one" && e.Subject == "ann.lee" && e.Details == "from IT to Sales");
    }

    [Fact]
    public async Task SetPersonDepartmentAsync_ToNone_EndsTheStayWithoutANewOne()
    {
        var it = await _site.AddDepartmentAsync("IT");
        var ann = await _site.AddPersonAsync("ann.lee", it);

        await _site.WithServiceAsync<DepartmentService, DepartmentResult>(sut => sut.SetPersonDepartmentAsync("ann.lee", null, "admin.one"));

        Assert.Equal(Now, Assert.Single(await _site.DepartmentHistoryAsync(ann)).EndedAt);
        Assert.Null(await _site.WithDbAsync(db => db.People.Where(p => p.Id == ann).Select(p => p.DepartmentId).SingleAsync()));
    }

    private Task<List<AuditEntry>> AuditAsync(string action) =>
        _site.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == action).ToListAsync());
}
