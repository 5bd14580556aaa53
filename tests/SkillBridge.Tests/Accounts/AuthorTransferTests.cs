using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Data;
using SkillBridge.Core.People;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Accounts;

public sealed class AuthorTransferTests(SkillBridgeWebFactory factory) : IClassFixture<SkillBridgeWebFactory>
{
    [Fact]
    public async Task Transfer_ToAnAuthor_CreditsThemOnTheModulesAndDraftsAndInSearch()
    {
        var successor = Infrastructure.Accounts.UniqueName("successor");
        await factory.CreateAccountAsync(successor, Roles.Author);
        await factory.CreateAccountAsync("jack.murphy");
        await StartDraftAsync("tame-your-inbox", "jack.murphy");
        var revisionsBefore = await RevisionCountAsync("write-a-linkedin-post");
        using var curator = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("transfer.curator"), Roles.Curator);

        using var response = await TransferAsync(curator, "jack.murphy", successor);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("3 module(s) now also credit", page.Text("[role=status]"), StringComparison.Ordinal);
        Assert.Equal(revisionsBefore + 1, await RevisionCountAsync("write-a-linkedin-post"));
        var module = await factory.CreateClient().GetPageAsync("/modules/write-a-linkedin-post");
        Assert.NotNull(module.QuerySelector($"aside a[href='/people/{successor}']"));
        Assert.NotNull(module.QuerySelector("aside a[href='/people/jack.murphy']"));
        Assert.Equal(["jack.murphy", successor], await DraftAuthorsAsync("tame-your-inbox"));
        var search = await factory.CreateClient().GetPageAsync("/search?q=" + successor);
        Assert.Contains(search.QuerySelectorAll(".search-hits li h2 a"), a => a.GetAttribute("href") == "/modules/write-a-linkedin-post");
        Assert.Contains(await factory.AuditAsync(AuditAction.AuthorTransferred), e => e.Subject == "jack.murphy" && e.Details!.StartsWith($"to {successor}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Transfer_ToSomeoneWhoIsNotAnAuthor_IsRefusedAndChangesNothing()
    {
        var learner = Infrastructure.Accounts.UniqueName("not.an.author");
        await factory.CreateAccountAsync(learner);
        // Someone to hand over to, so the form is offered whichever test of this class runs first.
        await factory.CreateAccountAsync(Infrastructure.Accounts.UniqueName("other.author"), Roles.Author);
        var revisionsBefore = await RevisionCountAsync("join-a-teams-meeting");
        using var curator = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("transfer.curator"), Roles.Curator);
        var page = await curator.GetPageAsync("/people/tom.okafor/transfer");
        var form = (IHtmlFormElement)page.QuerySelector("main form.account-form")!;

        using var response = await curator.SubmitAsync(form, [new("To", learner)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("is not an author", result.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal(revisionsBefore, await RevisionCountAsync("join-a-teams-meeting"));
        Assert.DoesNotContain(page.QuerySelectorAll("#To option"), o => o.GetAttribute("value") == learner);
    }

    [Fact]
    public async Task Transfer_ThenTheAuthorLeaves_ModuleCreditsAFormerColleagueAndLinksTheNewAuthor()
    {
        var successor = Infrastructure.Accounts.UniqueName("successor");
        await factory.CreateAccountAsync(successor, Roles.Author);
        var leaver = await factory.CreateAccountAsync("lena.fischer");
        using var curator = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("transfer.curator"), Roles.Curator);
        using var transferred = await TransferAsync(curator, "lena.fischer", successor);
        Assert.Equal(HttpStatusCode.OK, transferred.StatusCode);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var deleted = await scope.ServiceProvider.GetRequiredService<AccountDeletion>().DeleteOwnAsync(leaver.Id, Infrastructure.Accounts.Password);
            Assert.True(deleted.PersonKept);
        }

        var module = await factory.CreateClient().GetPageAsync("/modules/use-a-password-manager");
        var aside = module.Text("aside");
        Assert.Contains("A former colleague", aside, StringComparison.Ordinal);
        Assert.DoesNotContain("Fischer", aside, StringComparison.Ordinal);
        Assert.Single(module.QuerySelectorAll("aside a[href^='/people/']"));
        Assert.NotNull(module.QuerySelector($"aside a[href='/people/{successor}']"));
        var formerColleagues = await curator.GetPageAsync("/people/former-colleagues");
        Assert.Contains("A former colleague", formerColleagues.Text("main ul"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transfer_RunsTheRegisteredHandOverSteps()
    {
        using var site = new SkillBridgeWebFactory { TestServices = services => services.AddScoped<IAuthorTransferStep, RequestsStep>() };
        var successor = Infrastructure.Accounts.UniqueName("successor");
        await site.CreateAccountAsync(successor, Roles.Author);
        using var curator = await site.SignedInClientAsync(Infrastructure.Accounts.UniqueName("transfer.curator"), Roles.Curator);

        using var response = await TransferAsync(curator, "mei.lin", successor);

        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains($"Also handed over: 2 open mentoring requests from Mei Lin to {successor}.", page.Text("[role=status]"), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> TransferAsync(HttpClient curator, string from, string to)
    {
        var page = await curator.GetPageAsync($"/people/{from}/transfer");
        var form = (IHtmlFormElement)page.QuerySelector("main form.account-form")!;
        return await curator.SubmitAsync(form, [new("To", to)]);
    }

    private async Task StartDraftAsync(string slug, string author)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var opened = await scope.ServiceProvider.GetRequiredService<DraftEditor>().OpenAsync(slug, new Actor(author, IsAuthor: true, IsCurator: false));
        Assert.True(opened.Succeeded, opened.Message);
    }

    private async Task<List<string>> DraftAuthorsAsync(string slug)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().ModuleDrafts.Where(d => d.Module.Slug == slug).Select(d => d.Authors).SingleAsync();
    }

    private async Task<int> RevisionCountAsync(string slug)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().ModuleRevisions.CountAsync(r => r.Module.Slug == slug);
    }

    private sealed class RequestsStep : IAuthorTransferStep
    {
        public Task<string?> TransferAsync(AuthorHandover handover, CancellationToken cancellationToken) =>
            Task.FromResult<string?>($"2 open mentoring requests from {handover.From.Name} to {handover.To.Username}");
    }
}
