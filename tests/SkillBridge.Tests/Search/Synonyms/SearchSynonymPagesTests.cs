using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Data;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Search.Synonyms;

/// <summary>Curators keep the synonym list in the site, starting from the searches that found nothing.</summary>
public sealed class SearchSynonymPagesTests(SkillBridgeWebFactory factory) : IClassFixture<SkillBridgeWebFactory>
{
    [Fact]
    public async Task MissesPage_AddASynonymLink_OpensTheAddFormWithTheSearchFilledIn()
    {
        var words = "quantum-crochet-" + Guid.NewGuid().ToString("N")[..6];
        using var learner = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("syn.learner"));
        await learner.GetPageAsync("/search?q=" + words);
        using var curator = await CuratorAsync();

        var misses = await curator.GetPageAsync("/search/misses");
        var link = misses.QuerySelectorAll("#missed-searches a").Cast<IHtmlAnchorElement>().Single(a => a.TextContent.Contains(words, StringComparison.Ordinal));
        var form = await curator.GetPageAsync(link.GetAttribute("href")!);

        Assert.Equal($"/search/synonyms?searched={words}#add-synonym", link.GetAttribute("href"));
        Assert.Equal(words, ((IHtmlInputElement)form.QuerySelector("#Searched")!).Value);
        Assert.NotNull(misses.QuerySelector("main a[href='/search/synonyms']"));
    }

    [Fact]
    public async Task AddForm_ByCurator_ListsTheSynonymAndAuditsIt()
    {
        using var curator = await CuratorAsync();
        var searched = "teemz" + Guid.NewGuid().ToString("N")[..6];
        var page = await curator.GetPageAsync("/search/synonyms");

        using var response = await curator.SubmitAsync(AddForm(page), [new("Searched", searched.ToUpperInvariant()), new("Meaning", "Microsoft Teams")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await curator.GetPageAsync("/search/synonyms");
        Assert.Equal($"Added: people who search “{searched}” mean “Microsoft Teams”.", list.Text("#page-message-text"));
        var row = list.QuerySelectorAll("#synonyms tbody tr").Single(r => r.QuerySelector("th")!.TextContent == searched);
        Assert.Equal("Microsoft Teams", row.QuerySelector("td")!.TextContent);
        Assert.Contains(await factory.AuditAsync(AuditAction.SynonymAdded), e => e.Subject == searched && e.Details == "means Microsoft Teams");
    }

    [Fact]
    public async Task AddForm_MeaningSameAsSearch_SaysSoNextToTheMeaningAndAddsNothing()
    {
        using var curator = await CuratorAsync();
        var searched = "same" + Guid.NewGuid().ToString("N")[..6];
        var page = await curator.GetPageAsync("/search/synonyms");

        using var response = await curator.SubmitAsync(AddForm(page), [new("Searched", searched), new("Meaning", searched.ToUpperInvariant())]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("What they mean must differ from what they search for.", html.Text("#Meaning-error"));
        Assert.Equal(searched, ((IHtmlInputElement)html.QuerySelector("#Searched")!).Value);
        Assert.False(await ExistsAsync(searched));
    }

    [Fact]
    public async Task ChangeAndRemove_ByCurator_UpdateTheListAndAudit()
    {
        using var curator = await CuratorAsync();
        var searched = "chg" + Guid.NewGuid().ToString("N")[..6];
        var page = await curator.GetPageAsync("/search/synonyms");
        using (await curator.SubmitAsync(AddForm(page), [new("Searched", searched), new("Meaning", "tems")]))
        {
        }

        var list = await curator.GetPageAsync("/search/synonyms");
        var row = list.QuerySelectorAll("#synonyms tbody tr").Single(r => r.QuerySelector("th")!.TextContent == searched);
        var edit = await curator.GetPageAsync(row.QuerySelector("a")!.GetAttribute("href")!);
        using var changed = await curator.SubmitAsync((IHtmlFormElement)edit.QuerySelector("form.account-form")!, [new("Searched", searched), new("Meaning", "teams")]);

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        list = await curator.GetPageAsync("/search/synonyms");
        row = list.QuerySelectorAll("#synonyms tbody tr").Single(r => r.QuerySelector("th")!.TextContent == searched);
        Assert.Equal("teams", row.QuerySelector("td")!.TextContent);

        using var removed = await curator.SubmitAsync((IHtmlFormElement)row.QuerySelector("form")!, []);

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await ExistsAsync(searched));
        Assert.Contains(await factory.AuditAsync(AuditAction.SynonymChanged), e => e.Subject == searched);
        Assert.Contains(await factory.AuditAsync(AuditAction.SynonymRemoved), e => e.Subject == searched);
    }

    [Fact]
    public async Task ReportsPage_LinksToTheSynonyms()
    {
        using var curator = await CuratorAsync();

        var reports = await curator.GetPageAsync("/reports");

        Assert.NotNull(reports.QuerySelector("main a[href='/search/synonyms']"));
    }

    [Fact]
    public async Task AddedSynonym_SearchingTheWord_FindsTheModuleItMeansWithoutReindexing()
    {
        var word = "blorpcast" + Guid.NewGuid().ToString("N")[..6];
        using var learner = factory.CreateBrowser();
        var before = await learner.GetPageAsync("/search?q=" + word);
        using var curator = await CuratorAsync();
        var page = await curator.GetPageAsync("/search/synonyms");

        using var response = await curator.SubmitAsync(AddForm(page), [new("Searched", word), new("Meaning", "share your screen")]);
        var after = await learner.GetPageAsync("/search?q=" + word);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty(before.QuerySelectorAll(".search-hits li"));
        Assert.Equal("/modules/share-your-screen", after.QuerySelector(".search-hits li h2 a")?.GetAttribute("href"));
    }

    private Task<HttpClient> CuratorAsync() => factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("syn.curator"), Roles.Curator);

    private static IHtmlFormElement AddForm(IHtmlDocument page) => (IHtmlFormElement)page.QuerySelector("form.account-form")!;

    private async Task<bool> ExistsAsync(string searched)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>();
        return await db.SearchSynonyms.AnyAsync(s => s.Searched == searched);
    }
}
