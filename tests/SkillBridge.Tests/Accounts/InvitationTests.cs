using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Data;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Accounts;

/// <summary>Invitations on a site without SMTP: the admin is shown the link.</summary>
public sealed class InvitationTests(SkillBridgeWebFactory factory) : IClassFixture<SkillBridgeWebFactory>
{
    [Fact]
    public async Task Invite_NoSmtp_ShowsTheLinkToTheAdmin()
    {
        using var admin = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("admin"), Roles.Admin);

        var (link, page) = await InviteAsync(admin, "new.colleague@example.com");

        Assert.StartsWith("http://localhost/account/acceptinvitation?token=", link, StringComparison.Ordinal);
        Assert.Contains("does not send e-mail", page.Text("#page-message-text"), StringComparison.Ordinal);
        Assert.Contains(await factory.AuditAsync(AuditAction.Invited), e => e.Subject == "new.colleague@example.com");
    }

    [Fact]
    public async Task AcceptInvitation_Once_CreatesTheAccountAndSignsIn()
    {
        using var admin = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("admin"), Roles.Admin);
        var (link, _) = await InviteAsync(admin, "accepter@example.com");
        using var invitee = factory.CreateBrowser();

        using var response = await AcceptAsync(invitee, link, "accepter");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await invitee.GetAsync("/account/settings")).StatusCode);
        Assert.Contains(await factory.AuditAsync(AuditAction.InvitationAccepted), e => e.Subject == "accepter@example.com");
    }

    [Fact]
    public async Task AcceptInvitation_SecondTime_IsRefused()
    {
        using var admin = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("admin"), Roles.Admin);
        var (link, _) = await InviteAsync(admin, "twice@example.com");
        using var first = factory.CreateBrowser();
        using var accepted = await AcceptAsync(first, link, "twice");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        using var second = factory.CreateBrowser();
        var page = await second.GetPageAsync(PathOf(link));

        Assert.Contains("already been used", page.Text("#invitation-problem"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form.account-form"));
    }

    [Fact]
    public async Task AcceptInvitation_AfterSevenDays_IsRefused()
    {
        using var admin = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("admin"), Roles.Admin);
        var (link, _) = await InviteAsync(admin, "late@example.com");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().Invitations
                .Where(i => i.Email == "late@example.com")
                .ExecuteUpdateAsync(set => set.SetProperty(i => i.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)));
        }

        using var invitee = factory.CreateBrowser();
        var page = await invitee.GetPageAsync(PathOf(link));

        Assert.Contains("expired", page.Text("#invitation-problem"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form.account-form"));
    }

    [Fact]
    public async Task AcceptInvitation_PersonListedInPeopleYml_GetsTheirProfileAndRoles()
    {
        using var admin = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("admin"), Roles.Admin);
        var (link, _) = await InviteAsync(admin, "aisha.rahman@example.com");
        using var invitee = factory.CreateBrowser();
        var page = await invitee.GetPageAsync(PathOf(link));
        Assert.Equal("aisha.rahman", page.QuerySelector<IHtmlInputElement>("#Input_Username")!.Value);

        using var response = await AcceptAsync(invitee, link, "aisha.rahman");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SkillBridgeUser>>();
        var user = (await users.FindByNameAsync("aisha.rahman"))!;
        Assert.Equal(["author", "curator"], (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal));
        var person = await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().People.SingleAsync(p => p.Id == user.PersonId);
        Assert.Equal("Aisha Rahman", person.Name);
    }

    [Fact]
    public async Task AcceptInvitation_BadToken_SaysTheLinkIsNotValid()
    {
        using var invitee = factory.CreateBrowser();

        var page = await invitee.GetPageAsync("/account/acceptinvitation?token=made-up");

        Assert.Contains("not valid", page.Text("#invitation-problem"), StringComparison.Ordinal);
    }

    internal static async Task<(string Link, AngleSharp.Html.Dom.IHtmlDocument Page)> InviteAsync(HttpClient admin, string email)
    {
        var form = (IHtmlFormElement)(await admin.GetPageAsync("/admin/invitations")).QuerySelector("form.invite-form")!;
        using var response = await admin.SubmitAsync(form, [new("Invite.Email", email)]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        return (page.QuerySelector<IHtmlInputElement>("#invitation-link")?.Value ?? "", page);
    }

    internal static async Task<HttpResponseMessage> AcceptAsync(HttpClient invitee, string link, string username)
    {
        var form = (IHtmlFormElement)(await invitee.GetPageAsync(PathOf(link))).QuerySelector("form.account-form")!;
        return await invitee.SubmitAsync(form,
            [new("Input.Username", username), new("Input.Password", "an invited passphrase"), new("Input.ConfirmPassword", "an invited passphrase")]);
    }

    internal static string PathOf(string link) => new Uri(link).PathAndQuery;
}
