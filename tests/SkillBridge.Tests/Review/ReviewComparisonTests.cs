using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Review;

/// <summary>The review page shows the module as learners will see it, with what changed marked in the text.</summary>
public sealed class ReviewComparisonTests(SkillBridgeWebFactory factory) : IClassFixture<SkillBridgeWebFactory>
{
    [Fact]
    public async Task ReviewPage_FirstVersion_ShowsTheRenderedModuleBeforeTheDecisionsWithTheSourceOneClickAway()
    {
        var author = await factory.AuthorAsync();
        var slug = await factory.DraftAsync(author);
        await author.SubmitAsync(slug);
        var curator = await factory.CuratorAsync();

        var page = await curator.Client.GetPageAsync($"/review/{slug}");

        var rendered = page.QuerySelector("#review-rendered")!;
        Assert.Equal("Step 1: Open the chat", rendered.QuerySelector("h3")!.TextContent);
        Assert.NotNull(rendered.QuerySelector("strong"));
        Assert.Contains("Where do pinned chats go?", rendered.TextContent, StringComparison.Ordinal);
        Assert.Empty(rendered.QuerySelectorAll("ins, del"));
        Assert.Contains("new module", page.Text("#compared-with"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("details#source-changes summary"));
        var order = page.QuerySelectorAll("#review-rendered, #review-thread, #decision").Select(e => e.Id).ToList();
        Assert.Equal(["review-rendered", "review-thread", "decision"], order);
    }

    [Fact]
    public async Task ReviewPage_ChangedDetails_ShowsThemBeforeAndAfterInATable()
    {
        var (author, curator, slug) = await PublishedAsync();
        await author.SaveAsync(slug, new() { ["Form.Minutes"] = "12", ["Form.Tags"] = "teams, chat" });
        await author.SubmitAsync(slug);

        var page = await curator.Client.GetPageAsync($"/review/{slug}");

        var rows = page.QuerySelectorAll("#changed-details tbody tr").Select(r => r.Children.Select(c => c.TextContent).ToArray()).ToList();
        Assert.Contains(["Time", "5 minutes", "12 minutes"], rows);
        Assert.Contains(["Tags", "teams", "chat, teams"], rows);
        Assert.DoesNotContain(rows, r => r[0] == "Title");
    }

    [Fact]
    public async Task ReviewPage_Resubmission_MarksChangesSinceTheLastReviewByDefault_AndSinceThePublishedOneOnRequest()
    {
        var (author, curator, slug) = await PublishedAsync();
        await author.SaveAsync(slug, new() { ["Form.Body"] = ReviewFlow.Body.Replace("look for the menu", "look for the small menu", StringComparison.Ordinal) });
        await author.SubmitAsync(slug);
        await curator.DecideAsync(slug, "RequestChanges", ("Comment", "Say which menu."));
        await author.SaveAsync(slug, new() { ["Form.Body"] = ReviewFlow.Body.Replace("look for the menu", "look for the small menu", StringComparison.Ordinal).Replace("Choose **Pin**", "Choose **Pin to top**", StringComparison.Ordinal) });
        await author.SubmitAsync(slug);

        var sinceReview = await curator.Client.GetPageAsync($"/review/{slug}");
        var sincePublished = await curator.Client.GetPageAsync($"/review/{slug}?compare=published");

        Assert.Contains("since your last review", sinceReview.Text("#compared-with"), StringComparison.Ordinal);
        Assert.Equal(["added: to top"], Marked(sinceReview));
        Assert.Contains("since the published version", sincePublished.Text("#compared-with"), StringComparison.Ordinal);
        Assert.Equal(["added: small", "added: to top"], Marked(sincePublished));
        Assert.NotNull(sincePublished.QuerySelector($"#compared-with a[href='/review/{slug}?compare=last-review']"));
    }

    [Fact]
    public async Task ReviewPage_HostileMarkdown_IsShownAsTextAndNeverRuns()
    {
        var author = await factory.AuthorAsync();
        var slug = await factory.DraftAsync(author, ReviewFlow.Body.Replace("Why it helps.", "Why it helps. <script>alert(1)</script> <img src=x onerror=alert(2)>", StringComparison.Ordinal));
        await author.SubmitAsync(slug);
        var curator = await factory.CuratorAsync();

        var page = await curator.Client.GetPageAsync($"/review/{slug}");

        var rendered = page.QuerySelector("#review-rendered")!;
        Assert.Empty(rendered.QuerySelectorAll("script, img"));
        Assert.Contains("<script>alert(1)</script>", rendered.TextContent, StringComparison.Ordinal);
    }

    private static List<string> Marked(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("#review-rendered ins, #review-rendered del").Select(e => string.Join(' ', e.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();

    private async Task<(Reviewer Author, Reviewer Curator, string Slug)> PublishedAsync()
    {
        var author = await factory.AuthorAsync();
        var slug = await factory.DraftAsync(author);
        await author.SubmitAsync(slug);
        var curator = await factory.CuratorAsync();
        await curator.DecideAsync(slug, "Publish");
        return (author, curator, slug);
    }
}
