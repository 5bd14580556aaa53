using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Progress;
using SkillBridge.Tests.Infrastructure;
using static SkillBridge.Tests.Progress.Learners;

namespace SkillBridge.Tests.Progress;

/// <summary>Ratings and stuck flags from learners; the authors' feedback page, who may open it, and whose names it shows.</summary>
public sealed class FeedbackTests(SkillBridgeWebFactory factory) : IClassFixture<SkillBridgeWebFactory>
{
    /// <summary>Written by priya.shah alone.</summary>
    private const string PriyasModule = "short-video-basics";

    [Fact]
    public async Task Rate_BeforeCompleting_IsRefusedAndStoresNothing()
    {
        var (client, username) = await factory.NewLearnerAsync();
        await client.VisitAsync(PriyasModule, 1);

        using var response = await client.PostHandlerAsync($"/modules/{PriyasModule}/finish", "Rate", [new("stars", "4")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Complete the module before rating it.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await RatingCountAsync(username));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("")]
    public async Task Rate_StarsOutOfRange_SaysSoAndStoresNothing(string stars)
    {
        var (client, username) = await factory.NewLearnerAsync();
        await client.CompleteAsync(PriyasModule);

        var page = await RateAsync(client, stars, "Useful.");

        Assert.Equal("Choose a rating from 1 to 5 stars.", page.Text("#rating-error"));
        Assert.Equal(0, await RatingCountAsync(username));
    }

    [Fact]
    public async Task Rate_CommentTooLong_SaysSoKeepsTheTextAndStoresNothing()
    {
        var (client, username) = await factory.NewLearnerAsync();
        await client.CompleteAsync(PriyasModule);
        var comment = new string('a', 1001);

        var page = await RateAsync(client, "4", comment);

        Assert.Equal("Keep the comment to 1,000 characters; it has 1,001.", page.Text("#rating-error"));
        Assert.Equal(comment, page.QuerySelector<IHtmlTextAreaElement>("#rating-comment")!.Value);
        Assert.Equal(0, await RatingCountAsync(username));
    }

    [Fact]
    public async Task Rate_AfterCompleting_IsStoredShownInMyLearningAndCanBeChanged()
    {
        var (client, username) = await factory.NewLearnerAsync();
        await client.CompleteAsync(PriyasModule);

        await RateAsync(client, "4", "Clear and short.");
        var page = await RateAsync(client, "5", "");

        Assert.Equal("5", page.QuerySelector<IHtmlInputElement>("input[name=stars]:checked")!.Value);
        Assert.Equal("Update my rating", page.Text("#rating button"));
        var rating = Assert.Single(await factory.WithDbAsync(db => db.ModuleRatings.AsNoTracking().Where(r => db.Users.Any(u => u.Id == r.UserId && u.UserName == username)).ToListAsync()));
        Assert.Equal(5, rating.Stars);
        Assert.Null(rating.Comment);
        Assert.Contains("You rated it 5 out of 5.", (await client.GetPageAsync("/learning")).Text("#completed li"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FlagStuck_WithANote_IsShownOnTheStepAndCanBeRemoved()
    {
        var (client, username) = await factory.NewLearnerAsync();
        var url = $"/modules/{PriyasModule}/steps/2";

        var flagged = await SubmitStuckAsync(client, url, "The menu looks different on my phone.");

        Assert.Contains("You flagged this step", flagged.Text("#stuck"), StringComparison.Ordinal);
        Assert.Contains("The menu looks different on my phone.", flagged.Text("#stuck"), StringComparison.Ordinal);
        Assert.Equal(1, await StuckCountAsync(username));

        var remove = (IHtmlFormElement)flagged.QuerySelector("#stuck form")!;
        using (var response = await client.SubmitAsync(remove, []))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        Assert.Equal(0, await StuckCountAsync(username));
        Assert.NotNull((await client.GetPageAsync(url)).QuerySelector("#stuck textarea[name=note]"));
    }

    [Fact]
    public async Task FlagStuck_Twice_KeepsOneFlagWithTheLatestNote()
    {
        var (client, username) = await factory.NewLearnerAsync();
        var url = $"/modules/{PriyasModule}/steps/3";
        await SubmitStuckAsync(client, url, "First note.");

        using var response = await client.PostHandlerAsync(url, "Stuck", [new("note", "Second note.")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var flag = Assert.Single(await factory.WithDbAsync(db => db.StuckFlags.AsNoTracking().Where(f => db.Users.Any(u => u.Id == f.UserId && u.UserName == username)).ToListAsync()));
        Assert.Equal("Second note.", flag.Note);
    }

    [Fact]
    public async Task FlagStuck_NoteTooLong_SaysSoAndStoresNothing()
    {
        var (client, username) = await factory.NewLearnerAsync();
        var page = await client.GetPageAsync($"/modules/{PriyasModule}/steps/2");
        var form = (IHtmlFormElement)page.QuerySelector("#stuck form")!;

        using var response = await client.SubmitAsync(form, [new("note", new string('x', 301))]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shown = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Keep the note to 300 characters; it has 301.", shown.Text("#stuck .field-error"));
        Assert.Equal(0, await StuckCountAsync(username));
    }

    [Fact]
    public async Task FlagStuck_Anonymous_IsSentToSignIn()
    {
        using var client = factory.CreateBrowser();

        using var response = await client.PostHandlerAsync($"/modules/{Module}/steps/4", "Stuck", [new("note", "Lost.")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/signin", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeedbackPage_Author_SeesCountsCommentsAndStuckStepsWithNamesOfLearnersWhoShare()
    {
        const string slug = "instagram-company-account-basics";
        var (sharing, sharingName) = await factory.NewLearnerAsync("sharer");
        await sharing.CompleteAsync(slug);
        await RateAsync(sharing, "4", "Helpful checklist.", slug);
        await SubmitStuckAsync(sharing, $"/modules/{slug}/steps/2", "Which account type?");

        var (privateLearner, privateName) = await factory.NewLearnerAsync("private");
        await TurnOffSharingAsync(privateLearner);
        await privateLearner.CompleteAsync(slug);
        await RateAsync(privateLearner, "2", "Too fast for me.", slug);
        await SubmitStuckAsync(privateLearner, $"/modules/{slug}/steps/2", "Lost at the settings screen.");

        var (starter, _) = await factory.NewLearnerAsync("starter");
        await starter.VisitAsync(slug, 1);

        using var author = await AuthorAsync();
        var page = await author.GetPageAsync($"/modules/{slug}/feedback");

        var live = page.QuerySelector(".feedback-revision")!;
        Assert.Equal("3", live.QuerySelector("[data-figure=reached]")!.TextContent.Trim());
        Assert.Equal("2", live.QuerySelector("[data-figure=completions]")!.TextContent.Trim());
        Assert.StartsWith("3.0 out of 5 (2 ratings)", live.QuerySelector("[data-figure=rating]")!.TextContent.Trim(), StringComparison.Ordinal);

        var comments = live.QuerySelectorAll(".comments li").Select(li => li.TextContent).ToList();
        Assert.Contains(comments, c => c.Contains(sharingName, StringComparison.Ordinal) && c.Contains("Helpful checklist.", StringComparison.Ordinal));
        Assert.Contains(comments, c => c.Contains("A learner", StringComparison.Ordinal) && c.Contains("Too fast for me.", StringComparison.Ordinal));

        var stuck = live.QuerySelector(".stuck-steps")!.TextContent;
        Assert.Contains("Step 2", stuck, StringComparison.Ordinal);
        Assert.Contains("2 learners got stuck", stuck, StringComparison.Ordinal);
        Assert.Contains($"{sharingName}: “Which account type?”", stuck, StringComparison.Ordinal);
        Assert.Contains("A learner: “Lost at the settings screen.”", stuck, StringComparison.Ordinal);

        Assert.Contains(sharingName, live.QuerySelector(".learner-names")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(privateName, page.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeedbackPage_LearnerOrAnotherAuthor_IsForbidden_CuratorIsAllowed()
    {
        var (learner, _) = await factory.NewLearnerAsync();
        var (otherAuthor, _) = await factory.NewLearnerAsync("author", Roles.Author);
        var (curator, _) = await factory.NewLearnerAsync("curator", Roles.Curator);
        var url = $"/modules/{PriyasModule}/feedback";

        using var asLearner = await learner.GetAsync(url);
        using var asOtherAuthor = await otherAuthor.GetAsync(url);
        using var asCurator = await curator.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, asLearner.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asOtherAuthor.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asCurator.StatusCode);
    }

    [Fact]
    public async Task ModulePage_LinksToFeedbackOnlyForItsAuthorsAndCurators()
    {
        var (learner, _) = await factory.NewLearnerAsync();
        using var author = await AuthorAsync();
        var link = $"a[href='/modules/{PriyasModule}/feedback']";

        Assert.Null((await learner.GetPageAsync($"/modules/{PriyasModule}")).QuerySelector(link));
        Assert.NotNull((await author.GetPageAsync($"/modules/{PriyasModule}")).QuerySelector(link));
    }

    [Fact]
    public async Task Settings_SharingIsOnByDefault_AndTurningItOffIsSaved()
    {
        var (client, username) = await factory.NewLearnerAsync();

        var page = await client.GetPageAsync("/account/settings");
        Assert.True(page.QuerySelector<IHtmlInputElement>("#SharesProgressWithAuthors")!.IsChecked);

        await TurnOffSharingAsync(client);

        Assert.False(await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == username).Select(u => u.SharesProgressWithAuthors).SingleAsync()));
        Assert.False((await client.GetPageAsync("/account/settings")).QuerySelector<IHtmlInputElement>("#SharesProgressWithAuthors")!.IsChecked);
    }

    [Fact]
    public async Task Summaries_CountLearnersCompletionsRatingsAndStuckFlagsPerModule()
    {
        const string slug = "reply-to-comments-and-criticism";
        var (first, _) = await factory.NewLearnerAsync();
        await first.CompleteAsync(slug);
        await RateAsync(first, "5", "", slug);
        var (second, _) = await factory.NewLearnerAsync();
        await second.VisitAsync(slug, 1);
        await SubmitStuckAsync(second, $"/modules/{slug}/steps/1", "");

        await using var scope = factory.Services.CreateAsyncScope();
        var moduleId = await scope.ServiceProvider.GetRequiredService<Core.Data.SkillBridgeDbContext>().Modules.Where(m => m.Slug == slug).Select(m => m.Id).SingleAsync();
        var summaries = await scope.ServiceProvider.GetRequiredService<FeedbackService>().SummariesAsync([moduleId]);

        Assert.Equal(new ModuleFeedbackSummary(moduleId, 2, 1, 5.0, 1, 1), summaries[moduleId]);
    }

    private static async Task<IHtmlDocument> RateAsync(HttpClient client, string stars, string comment, string slug = PriyasModule)
    {
        var finish = await client.GetPageAsync($"/modules/{slug}/finish");
        var form = (IHtmlFormElement)finish.QuerySelector("#rating form")!;
        using var response = await client.SubmitAsync(form, [new("stars", stars), new("comment", comment)]);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            return await client.GetPageAsync(response.Headers.Location!.OriginalString);
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return HtmlPages.Parse(await response.Content.ReadAsStringAsync());
    }

    private static async Task<IHtmlDocument> SubmitStuckAsync(HttpClient client, string stepUrl, string note)
    {
        var page = await client.GetPageAsync(stepUrl);
        var form = (IHtmlFormElement)page.QuerySelector("#stuck form")!;
        using var response = await client.SubmitAsync(form, [new("note", note)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await client.GetPageAsync(response.Headers.Location!.OriginalString);
    }

    private static async Task TurnOffSharingAsync(HttpClient client)
    {
        var settings = await client.GetPageAsync("/account/settings");
        var form = (IHtmlFormElement)settings.QuerySelector("form.account-form")!;
        var zone = settings.QuerySelector<IHtmlSelectElement>("#TimeZoneId")!.Value!;
        using var response = await client.SubmitAsync(form, [new("TimeZoneId", zone)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>priya.shah, the credited author of the starter modules used here, signed in (the account is made on first use).</summary>
    private async Task<HttpClient> AuthorAsync()
    {
        if (!await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "priya.shah")))
        {
            await factory.CreateAccountAsync("priya.shah", Roles.Author);
        }

        var client = factory.CreateBrowser();
        await client.SignInAsync("priya.shah");
        return client;
    }

    private Task<int> RatingCountAsync(string username) =>
        factory.WithDbAsync(db => db.ModuleRatings.CountAsync(r => db.Users.Any(u => u.Id == r.UserId && u.UserName == username)));

    private Task<int> StuckCountAsync(string username) =>
        factory.WithDbAsync(db => db.StuckFlags.CountAsync(f => db.Users.Any(u => u.Id == f.UserId && u.UserName == username)));
}
