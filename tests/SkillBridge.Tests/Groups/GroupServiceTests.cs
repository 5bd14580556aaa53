using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Assignments;
using SkillBridge.Core.Groups;
using SkillBridge.Tests.Departments;
using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Groups;

/// <summary>Groups curators keep: membership history, assignments following joins and leaves, and the pasted list's preview.</summary>
public sealed class GroupServiceTests : IAsyncLifetime
{
    private TestSite _site = null!;

    private DateTime Now => _site.Clock.GetUtcNow().UtcDateTime;

    public async Task InitializeAsync() => _site = await TestSite.CreateAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task CreateAsync_NameOfAnotherGroupInAnyCase_IsRefused()
    {
        await _site.AddGroupAsync("Sales leadership");

        var result = await _site.WithServiceAsync<GroupService, GroupResult>(sut => sut.CreateAsync("sales LEADERSHIP", "", null, "cur.ator"));

        Assert.Equal((GroupStatus.Invalid, "name"), (result.Status, result.Field));
        Assert.Equal("There is already a group called Sales leadership. Choose another name.", result.Message);
        Assert.Equal(1, await _site.WithDbAsync(db => db.Groups.CountAsync()));
    }

    [Theory]
    [InlineData("", "Enter the group's name.")]
    [InlineData("New\njoiners", "The group's name must be a single line without control characters.")]
    public async Task CreateAsync_BadName_IsRefusedWithTheReason(string name, string message)
    {
        var result = await _site.WithServiceAsync<GroupService, GroupResult>(sut => sut.CreateAsync(name, "", null, "cur.ator"));

        Assert.Equal(message, result.Message);
        Assert.Equal(0, await _site.WithDbAsync(db => db.Groups.CountAsync()));
    }

    [Fact]
    public async Task AddPersonAsync_GroupWithAnAssignment_AddsTheMembershipAndTheShareInOneSave()
    {
        var group = await _site.AddGroupAsync("New joiners 2027");
        var ann = await _site.AddPersonAsync("ann.lee");
        var assignment = await _site.AddAssignmentAsync(AssignmentTargetKind.Group, group);

        var result = await _site.WithServiceAsync<GroupService, GroupResult>(sut => sut.AddPersonAsync(group, ann, "cur.ator"));

        Assert.True(result.Succeeded, result.Message);
        var membership = await _site.WithDbAsync(db => db.GroupMemberships.AsNoTracking().SingleAsync());
        Assert.Equal((ann, Now, (DateTime?)null), (membership.PersonId, membership.JoinedAt, membership.LeftAt));
        var share = Assert.Single(await _site.SharesOfAsync(ann));
        Assert.Equal((assignment, AssignmentTargetKind.Group, group, Now), (share.AssignmentId, share.ViaKind, share.ViaId, share.AssignedAt));
        Assert.Contains(await AuditAsync(AuditAction.GroupMembersAdded), e => e.Subject == "New joiners 2027" && e.Details == "by name: ann.lee");
    }

    [Fact]
    public async Task AddDepartmentAsync_AddsEveryoneNowInItOnce()
    {
        var group = await _site.AddGroupAsync("Sales leadership");
        var sales = await _site.AddDepartmentAsync("Sales");
        var it = await _site.AddDepartmentAsync("IT");
        var ann = await _site.AddPersonAsync("ann.lee", sales);
        var bob = await _site.AddPersonAsync("bob.ray", sales);
        await _site.AddPersonAsync("cy.dee", it);
        await _site.AddPersonAsync("former-0123456789abcdef", sales, leftAt: Now.AddDays(-1));
        await _site.AddGroupMemberAsync(group, bob);

        var result = await _site.WithServiceAsync<GroupService, GroupResult>(sut => sut.AddDepartmentAsync(group, sales, "cur.ator"));

        Assert.Equal("Added 1 person to Sales leadership. 1 person already in it.", result.Message);
        var members = await _site.WithDbAsync(db => db.GroupMemberships.Where(m => m.LeftAt == null).OrderBy(m => m.PersonId).Select(m => m.PersonId).ToListAsync());
        Assert.Equal([ann, bob], members);
    }

    [Fact]
    public async Task RemoveAsync_EndsTheMembershipAndTheOpenShareFromTheGroup()
    {
        var group = await _site.AddGroupAsync("Sales leadership");
        var ann = await _site.AddPersonAsync("ann.lee");
        await _site.AddAssignmentAsync(AssignmentTargetKind.Group, group);
        await _site.WithServiceAsync<GroupService, GroupResult>(sut => sut.AddPersonAsync(group, ann, "cur.ator"));
        _site.Clock.Advance(TimeSpan.FromDays(2));

        var result = await _site.WithServiceAsync<GroupService, GroupResult>(sut => sut.RemoveAsync(group, ann, "cur.ator"));

        Assert.Equal("Removed Ann Lee from Sales leadership.", result.Message);
        Assert.Equal(Now, await _site.WithDbAsync(db => db.GroupMemberships.Select(m => m.LeftAt).SingleAsync()));
        Assert.Equal(Now, Assert.Single(await _site.SharesOfAsync(ann)).EndedAt);
        Assert.Contains(await AuditAsync(AuditAction.GroupMemberRemoved), e => e.Subject == "Sales leadership" && e.Details == "ann.lee");
    }

    [Fact]
    public async Task DeleteAsync_ArchivesTheGroupAndEveryoneLeavesIt()
    {
        var group = await _site.AddGroupAsync("Sales leadership");
        var ann = await _site.AddPersonAsync("ann.lee");
        await _site.AddGroupMemberAsync(group, ann);

        await _site.WithServiceAsync<GroupService, GroupResult>(sut => sut.DeleteAsync(group, "cur.ator"));

        Assert.Equal(Now, await _site.WithDbAsync(db => db.Groups.Select(g => g.ArchivedAt).SingleAsync()));
        Assert.Equal(Now, await _site.WithDbAsync(db => db.GroupMemberships.Select(m => m.LeftAt).SingleAsync()));
        Assert.Empty(await _site.WithServiceAsync<GroupService, List<GroupSummary>>(sut => sut.ListAsync()));
    }

    [Fact]
    public async Task PreviewAsync_MixedList_CountsReadyAndGivesEachProblemItsLineAndReason()
    {
        var group = await _site.AddGroupAsync("Sales leadership");
        await _site.AddPersonAsync("ann.lee", email: "ann.lee@example.com");
        await _site.AddPersonAsync("bob.ray", email: "bob@example.com");
        var cy = await _site.AddPersonAsync("cy.dee");
        await _site.AddPersonAsync("dan.oak");
        await _site.AddPersonAsync("former-0123456789abcdef", leftAt: Now.AddDays(-1));
        await _site.AddGroupMemberAsync(group, cy);
        const string list = """
            ann.lee
            BOB@example.com; nobody@example.com

            cy.dee, ann.lee@example.com
            former-0123456789abcdef
            Dan.Oak
            """;

        var preview = (await _site.WithServiceAsync<GroupPaste, PastePreview?>(sut => sut.PreviewAsync(group, list)))!;

        Assert.Equal(3, preview.Ready.Count);
        Assert.Equal(4, preview.Problems.Count);
        Assert.Equal([(1, "Ann Lee"), (2, "Bob Ray"), (6, "Dan Oak")], preview.Ready.Select(e => (e.Line, e.Name!)));
        Assert.Equal(
            [
                (2, "nobody@example.com", "unknown: nobody here has this username or e-mail address"),
                (4, "cy.dee", "Cy Dee is already in the group"),
                (4, "ann.lee@example.com", "listed twice: Ann Lee is already on line 1"),
                (5, "former-0123456789abcdef", "a former colleague: their account was deleted"),
            ],
            preview.Problems.Select(e => (e.Line, e.Text, e.Problem!)));
    }

    [Fact]
    public async Task ConfirmAsync_ChecksAgainAndAddsOnlyTheEntriesReadyNow()
    {
        var group = await _site.AddGroupAsync("Sales leadership");
        var ann = await _site.AddPersonAsync("ann.lee");
        var bob = await _site.AddPersonAsync("bob.ray");
        const string list = "ann.lee\nbob.ray\nnobody";
        var preview = (await _site.WithServiceAsync<GroupPaste, PastePreview?>(sut => sut.PreviewAsync(group, list)))!;
        Assert.Equal(2, preview.Ready.Count);

        // Between the preview and the confirmation, another curator adds Bob.
        await _site.AddGroupMemberAsync(group, bob);
        var (result, again) = await _site.WithServiceAsync<GroupPaste, (GroupResult, PastePreview?)>(sut => sut.ConfirmAsync(group, list, "cur.ator"));

        Assert.Equal("Added 1 person to Sales leadership.", result.Message);
        Assert.Equal(2, again!.Problems.Count);
        var members = await _site.WithDbAsync(db => db.GroupMemberships.Where(m => m.LeftAt == null).OrderBy(m => m.PersonId).Select(m => m.PersonId).ToListAsync());
        Assert.Equal([ann, bob], members);
    }

    private Task<List<AuditEntry>> AuditAsync(string action) =>
        _site.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == action).ToListAsync());
}
