using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Data;
using SkillBridge.Tests.Accounts;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Admin;

/// <summary>Invitations with a name and roles, the pending list (send again, revoke) and bulk lists checked first.</summary>
public sealed class InvitationAdminTests(SkillBridgeWebFactory factory) : IClassFixture<SkillBridgeWebFactory>
{
    [Fact]
    public async Task AcceptInvitation_WithNameAndRoles_GivesThemToTheAccount()
    {
        using var admin = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("admin"), Roles.Admin);
        var email = Infrastructure.Accounts.UniqueName("roled") + "@example.com";
        var link = await InviteAsync(admin, email, "Sam Lee", Roles.Author, Roles.Curator);
        using var invitee = factory.CreateBrowser();
        var form = await invitee.GetPageAsync(InvitationTests.PathOf(link));
        Assert.Equal("Sam Lee", form.QuerySelector<IHtmlInputElement>("#Input_Name")!.Value);

        var username = email.Split('@')[0];
        using var response = await InvitationTests.AcceptAsync(invitee, link, username);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SkillBridgeUser>>();
        var user = (await users.FindByNameAsync(username))!;
        Assert.Equal([Roles.Author, Roles.Curator], (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal));
        Assert.Equal("Sam Lee", (await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().People.SingleAsync(p => p.Id == user.PersonId)).Name);
    }

    [Fact]
    public async Task Invite_SameAddressStillWaiting_IsRefusedNextToTheField()
    {
        using var admin = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("admin"), Roles.Admin);
        var email = Infrastructure.Accounts.UniqueName("twice") + "@example.com";
        await InviteAsync(admin, email, null);

        var form = (IHtmlFormElement)(await admin.GetPageAsync("/admin/invitations")).QuerySelector("form.invite-form")!;
        using var response = await admin.SubmitAsync(form, [new("Invite.Email", email)]);

        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("already has an invitation waiting", page.Text("[data-valmsg-for='Invite.Email']"), StringComparison.Ordinal);
        Assert.Single(await factory.AuditAsync(AuditAction.Invited), e => e.Subject == email);
    }

    [Fact]
    public async Task Revoke_PendingInvitation_LinkStopsWorkingAndLeavesTheList()
    {
        using var admin = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("admin"), Roles.Admin);
        var email = Infrastructure.Accounts.UniqueName("revoked") + "@example.com";
        var link = await InviteAsync(admin, email, null);

        using var revoked = await admin.SubmitAsync(RowForm(await admin.GetPageAsync("/admin/invitations"), email, "Revoke"), []);

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Null((await admin.GetPageAsync("/admin/invitations")).QuerySelector($"tr[data-email='{email}']"));
        var page = await factory.CreateBrowser().GetPageAsync(InvitationTests.PathOf(link));
        Assert.Contains("taken back", page.Text("#invitation-problem"), StringComparison.Ordinal);
        Assert.Contains(await factory.AuditAsync(AuditAction.InvitationRevoked), e => e.Subject == email);
    }

    [Fact]
    public async Task Resend_WithoutMail_MakesANewLinkAndTheOldOneStopsWorking()
    {
        using var admin = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("admin"), Roles.Admin);
        var email = Infrastructure.Accounts.UniqueName("resent") + "@example.com";
        var oldLink = await InviteAsync(admin, email, null);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().Invitations.Where(i => i.Email == email)
                .ExecuteUpdateAsync(set => set.SetProperty(i => i.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)));
        }

        var list = await admin.GetPageAsync("/admin/invitations");
        Assert.StartsWith("Expired", list.Text($"tr[data-email='{email}'] .invitation-expiry"), StringComparison.Ordinal);
        using var resent = await admin.SubmitAsync(RowForm(list, email, "Resend"), []);

        var page = HtmlPages.Parse(await resent.Content.ReadAsStringAsync());
        var newLink = page.QuerySelector<IHtmlInputElement>("#invitation-link")!.Value;
        Assert.NotEqual(oldLink, newLink);
        Assert.Contains("not valid", (await factory.CreateBrowser().GetPageAsync(InvitationTests.PathOf(oldLink))).Text("#invitation-problem"), StringComparison.Ordinal);
        Assert.NotNull((await factory.CreateBrowser().GetPageAsync(InvitationTests.PathOf(newLink))).QuerySelector("form.account-form"));
        Assert.Contains(await factory.AuditAsync(AuditAction.InvitationResent), e => e.Subject == email);
    }

    [Fact]
    public async Task PreviewList_ProblemLines_GiveLineAndReasonAndCreateNothing()
    {
        using var admin = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("admin"), Roles.Admin);
        var existing = Infrastructure.Accounts.UniqueName("existing");
        await factory.CreateAccountAsync(existing);
        var waiting = Infrastructure.Accounts.UniqueName("waiting") + "@example.com";
        await InviteAsync(admin, waiting, null);
        var ready = Infrastructure.Accounts.UniqueName("ready") + "@example.com";
        var list = string.Join("\n",
            "email;name;roles",
            $"{ready};Ready Person;author,curator",
            "not-an-address;Nobody;",
            $"{existing}@test.example;Existing;",
            $"{waiting};Waiting;",
            $"{ready.ToUpperInvariant()};Again;",
            $"x.{ready};Wrong Role;wizard");

        var page = await PreviewAsync(admin, list);

        Assert.Equal("1 ready, 5 with problems. Nothing has been sent yet.", page.Text("#preview-summary"));
        var problems = page.QuerySelectorAll("table.batch-problems tbody tr").ToDictionary(r => r.GetAttribute("data-line")!, r => r.QuerySelector(".batch-problem")!.TextContent);
        Assert.Equal("\"not-an-address\" is not an e-mail address.", problems["3"]);
        Assert.Contains("already has an account", problems["4"], StringComparison.Ordinal);
        Assert.Contains("already has an invitation waiting", problems["5"], StringComparison.Ordinal);
        Assert.Equal("Duplicate in the list: the same address is on line 2.", problems["6"]);
        Assert.Contains("no role called \"wizard\"", problems["7"], StringComparison.Ordinal);
        Assert.DoesNotContain(await factory.AuditAsync(AuditAction.Invited), e => e.Subject == ready);
    }

    [Fact]
    public async Task PreviewList_SemicolonsBetweenRolesAndADomainWithoutADot_ReadsTheRolesAndRefusesTheAddress()
    {
        using var admin = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("admin"), Roles.Admin);
        var ready = Infrastructure.Accounts.UniqueName("roles") + "@example.com";

        var page = await PreviewAsync(admin, $"{ready}, Ready Person, author;curator\nzoe@example, Zoe Park, author");

        Assert.Equal("1 ready, 1 with problems. Nothing has been sent yet.", page.Text("#preview-summary"));
        var row = page.QuerySelector("table.batch-ready tbody tr[data-line='1']")!;
        Assert.Equal([ready, "Ready Person", "author, curator"], row.QuerySelectorAll("td").Select(c => c.TextContent));
        Assert.Equal("\"zoe@example\" is not an e-mail address.", page.QuerySelector("table.batch-problems tbody tr[data-line='2'] .batch-problem")!.TextContent);
    }

    [Fact]
    public async Task SendList_AfterPreview_CreatesOnlyTheReadyLines()
    {
        using var admin = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("admin"), Roles.Admin);
        var first = Infrastructure.Accounts.UniqueName("bulk") + "@example.com";
        var second = Infrastructure.Accounts.UniqueName("bulk") + "@example.com";
        var preview = await PreviewAsync(admin, $"{first}, First Person, author\nbroken line\n\"{second}\",\"Person, Second\"");

        using var sent = await admin.SubmitAsync(preview.QuerySelector<IHtmlFormElement>("form.send-list-form")!, []);

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var page = HtmlPages.Parse(await sent.Content.ReadAsStringAsync());
        Assert.StartsWith("2 invitations created; 1 line was left out.", page.Text("#page-message-text"), StringComparison.Ordinal);
        Assert.Equal([first, second], page.QuerySelectorAll<IHtmlInputElement>("input.invitation-link").Select(i => i.GetAttribute("data-email")!));
        await using var scope = factory.Services.CreateAsyncScope();
        var invitations = await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().Invitations.AsNoTracking()
            .Where(i => i.Email == first || i.Email == second).OrderBy(i => i.Id).ToListAsync();
        Assert.Equal([("First Person", "author"), ("Person, Second", (string?)null)], invitations.Select(i => (i.Name, i.Roles)));
    }

    [Fact]
    public async Task PreviewList_UploadedCsvFile_IsReadLikeAPastedList()
    {
        using var admin = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("admin"), Roles.Admin);
        var email = Infrastructure.Accounts.UniqueName("csv") + "@example.com";
        var form = (IHtmlFormElement)(await admin.GetPageAsync("/admin/invitations")).QuerySelector("form.batch-form")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value), "__RequestVerificationToken" },
            { new StringContent(""), "List" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes($"\uFEFFEmail,Name,Roles\r\n{email},Csv Person,curator\r\n")), "ListFile", "people.csv" },
        };

        using var response = await admin.PostAsync(form.GetAttribute("action"), content);

        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("1 ready, 0 with problems. Nothing has been sent yet.", page.Text("#preview-summary"));
        Assert.Equal("2", page.QuerySelector("table.batch-ready tbody tr")!.GetAttribute("data-line"));
    }

    private static async Task<string> InviteAsync(HttpClient admin, string email, string? name, params string[] roles)
    {
        var form = (IHtmlFormElement)(await admin.GetPageAsync("/admin/invitations")).QuerySelector("form.invite-form")!;
        var fields = new List<KeyValuePair<string, string>> { new("Invite.Email", email) };
        if (name is not null)
        {
            fields.Add(new("Invite.Name", name));
        }

        fields.AddRange(roles.Select(r => new KeyValuePair<string, string>("Invite.Roles", r)));
        using var response = await admin.SubmitAsync(form, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return HtmlPages.Parse(await response.Content.ReadAsStringAsync()).QuerySelector<IHtmlInputElement>("#invitation-link")!.Value;
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> PreviewAsync(HttpClient admin, string list)
    {
        var form = (IHtmlFormElement)(await admin.GetPageAsync("/admin/invitations")).QuerySelector("form.batch-form")!;
        using var response = await admin.SubmitAsync(form, [new("List", list)]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return HtmlPages.Parse(await response.Content.ReadAsStringAsync());
    }

    private static IHtmlFormElement RowForm(AngleSharp.Html.Dom.IHtmlDocument page, string email, string handler) =>
        page.QuerySelectorAll<IHtmlFormElement>($"tr[data-email='{email}'] form").Single(f => f.Action.Contains("handler=" + handler, StringComparison.Ordinal));
}
