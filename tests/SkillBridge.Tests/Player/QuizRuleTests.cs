using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using SkillBridge.Tests.Infrastructure;
using SkillBridge.Tests.Progress;

namespace SkillBridge.Tests.Player;

/// <summary>
/// Design.md's quiz rule for signed-in learners, on the page (no JavaScript) and through the JSON API: a wrong first
/// answer is stored as answered but shows only "Try again" and "Show the answer"; the right options and the
/// explanation come after a second answer or "Show the answer", and a reload shows no more than the answer did.
/// </summary>
public sealed class QuizRuleTests(SkillBridgeWebFactory factory) : IClassFixture<SkillBridgeWebFactory>
{
    private const string Step = "/modules/share-your-screen/steps/4";
    private const string Explanation = "Sharing a window keeps other apps and pop-ups private";
    private const string RightOption = "Only that window";

    /// <summary>On spot-a-phishing-message's step 4, options 0, 1 and 2 are right and 3 is wrong.</summary>
    private const string SeveralStep = "/modules/spot-a-phishing-message/steps/4";

    [Fact]
    public async Task PageAnswer_WrongFirstAnswer_IsStoredAsAnsweredButHidesTheRightOptionsAndExplanation()
    {
        var (client, username) = await factory.NewLearnerAsync();

        var page = await AnswerOnPageAsync(client, Step, 1);

        var answer = await StoredAnswerAsync(username);
        Assert.False(answer.IsCorrect);
        Assert.Equal("1", answer.Selected);
        Assert.Equal(0, answer.Retries);
        Assert.False(answer.AnswerShown);
        Assert.Equal("Not quite: that answer is wrong.", page.Text(".quiz .feedback .verdict"));
        AssertAnswerHidden(page);
        Assert.Equal($"{Step}?again=0#quiz-0", page.QuerySelector(".quiz [data-quiz-retry] a")!.GetAttribute("href"));
        Assert.Equal("Try again", page.Text(".quiz [data-quiz-retry] a"));
        Assert.Equal("Show the answer", page.Text(".quiz [data-quiz-show-answer]"));
        Assert.Null(page.QuerySelector(".quiz [data-quiz-retry]")!.GetAttribute("hidden"));

        var finish = await client.GetPageAsync("/modules/share-your-screen/finish");
        Assert.Null(finish.QuerySelector("#missing-quizzes-heading"));
    }

    [Fact]
    public async Task Reload_AfterAWrongFirstAnswer_ShowsTheAnswerAsWrongAndStillHidesTheRightOptions()
    {
        var (client, _) = await factory.NewLearnerAsync();
        await AnswerOnPageAsync(client, Step, 2);

        var page = await client.GetPageAsync(Step);

        Assert.Equal("Not quite: that answer is wrong.", page.Text(".quiz .feedback .verdict"));
        Assert.True(page.QuerySelector<IHtmlInputElement>(".quiz input[value='2']")!.IsChecked);
        AssertAnswerHidden(page);
    }

    [Fact]
    public async Task TryAgain_ThenASecondWrongAnswer_RevealsTheRightOptionsAndExplanation()
    {
        var (client, username) = await factory.NewLearnerAsync();
        var wrong = await AnswerOnPageAsync(client, Step, 1);

        var again = await client.GetPageAsync(wrong.QuerySelector(".quiz [data-quiz-try-again]")!.GetAttribute("href")!);
        Assert.Empty(again.QuerySelectorAll(".quiz input:checked"));
        Assert.Contains("Choose again", again.Text(".quiz .feedback"), StringComparison.Ordinal);
        AssertAnswerHidden(again);
        var page = await SubmitAsync(client, again, [2]);

        Assert.Equal("Not quite: that answer is wrong.", page.Text(".quiz .feedback .verdict"));
        Assert.Contains($"The right answer is: {RightOption}.", page.Text(".quiz .feedback"), StringComparison.Ordinal);
        Assert.Contains(Explanation, page.Text(".quiz .feedback"), StringComparison.Ordinal);
        Assert.Equal("Right", page.Text(".quiz .choice.is-correct[data-option='0'] .option-mark"));
        Assert.Equal("Wrong", page.Text(".quiz .choice.is-wrong[data-option='2'] .option-mark"));
        Assert.NotNull(page.QuerySelector(".quiz [data-quiz-retry][hidden]"));
        var answer = await StoredAnswerAsync(username);
        Assert.Equal(("2", 1), (answer.Selected, answer.Retries));
    }

    [Fact]
    public async Task SecondAnswer_Right_ShowsCorrectAndTheExplanation()
    {
        var (client, _) = await factory.NewLearnerAsync();
        await AnswerOnPageAsync(client, Step, 1);

        var page = await AnswerOnPageAsync(client, Step, 0);

        Assert.Equal("Correct.", page.Text(".quiz .feedback .verdict"));
        Assert.Contains(Explanation, page.Text(".quiz .feedback"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowTheAnswer_OnThePage_IsStoredAndRevealsTheAnswerAlsoAfterAReload()
    {
        var (client, username) = await factory.NewLearnerAsync();
        var wrong = await AnswerOnPageAsync(client, Step, 1);
        var form = wrong.QuerySelector<IHtmlFormElement>("form.quiz")!;

        using var response = await client.PostAsync(
            form.QuerySelector("[data-quiz-show-answer]")!.GetAttribute("formaction"), new FormUrlEncodedContent(HiddenFields(form)));
        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"The right answer is: {RightOption}.", page.Text(".quiz .feedback"), StringComparison.Ordinal);
        Assert.Contains(Explanation, page.Text(".quiz .feedback"), StringComparison.Ordinal);
        var answer = await StoredAnswerAsync(username);
        Assert.True(answer.AnswerShown);
        Assert.Equal(("1", false), (answer.Selected, answer.IsCorrect));
        var reloaded = await client.GetPageAsync(Step);
        Assert.Contains(Explanation, reloaded.Text(".quiz .feedback"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RightFirstAnswer_OnThePage_ShowsTheExplanation()
    {
        var (client, username) = await factory.NewLearnerAsync();

        var page = await AnswerOnPageAsync(client, Step, 0);

        Assert.Equal("Correct.", page.Text(".quiz .feedback .verdict"));
        Assert.Contains(Explanation, page.Text(".quiz .feedback"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".quiz [data-quiz-retry][hidden]"));
        Assert.True((await StoredAnswerAsync(username)).IsCorrect);
    }

    [Fact]
    public async Task AnswerApi_WrongFirstAnswer_IsStoredAndReturnsNoRightOptionsOrExplanation()
    {
        var (client, username) = await factory.NewLearnerAsync();

        using var json = await PostApiAsync(client, Step, "answers", [1], HttpStatusCode.OK);

        var body = json.RootElement;
        Assert.False(body.GetProperty("isCorrect").GetBoolean());
        Assert.True(body.GetProperty("canTryAgain").GetBoolean());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("correctOptions").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("explanation").ValueKind);
        Assert.DoesNotContain("private", json.RootElement.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("Not quite: that answer is wrong.", body.GetProperty("verdict").GetString());
        Assert.False((await StoredAnswerAsync(username)).IsCorrect);
    }

    [Fact]
    public async Task AnswerApi_SecondAnswer_ReturnsTheRightOptionsAndExplanation()
    {
        var (client, username) = await factory.NewLearnerAsync();
        using var first = await PostApiAsync(client, Step, "answers", [2], HttpStatusCode.OK);

        using var second = await PostApiAsync(client, Step, "answers", [1], HttpStatusCode.OK);

        var body = second.RootElement;
        Assert.False(body.GetProperty("canTryAgain").GetBoolean());
        Assert.Equal([0], body.GetProperty("correctOptions").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Contains(Explanation, body.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, body.GetProperty("retries").GetInt32());
        Assert.Equal(("1", 1), ((await StoredAnswerAsync(username)).Selected, (await StoredAnswerAsync(username)).Retries));
    }

    [Fact]
    public async Task AnswerApi_RightFirstAnswer_ReturnsTheExplanation()
    {
        var (client, _) = await factory.NewLearnerAsync();

        using var json = await PostApiAsync(client, Step, "answers", [0], HttpStatusCode.OK);

        Assert.True(json.RootElement.GetProperty("isCorrect").GetBoolean());
        Assert.Contains(Explanation, json.RootElement.GetProperty("explanation").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowAnswerApi_AfterAWrongAnswer_IsStoredAndReturnsTheAnswer()
    {
        var (client, username) = await factory.NewLearnerAsync();
        using var wrong = await PostApiAsync(client, Step, "answers", [1], HttpStatusCode.OK);

        using var json = await PostApiAsync(client, Step, "shown-answer", [], HttpStatusCode.OK);

        var body = json.RootElement;
        Assert.True(body.GetProperty("answerShown").GetBoolean());
        Assert.Equal([0], body.GetProperty("correctOptions").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Contains(Explanation, body.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        Assert.Equal([1], body.GetProperty("selected").EnumerateArray().Select(e => e.GetInt32()));
        Assert.True((await StoredAnswerAsync(username)).AnswerShown);
    }

    [Fact]
    public async Task ShowAnswerApi_BeforeAnswering_Returns409AndStoresNothing()
    {
        var (client, username) = await factory.NewLearnerAsync();

        using var json = await PostApiAsync(client, Step, "shown-answer", [], HttpStatusCode.Conflict);

        Assert.Equal("Answer the question first, then you can see the answer.", json.RootElement.GetProperty("problem").GetString());
        Assert.Empty(await factory.AnswersAsync(Assert.Single(await factory.ProgressOfAsync(username)).Id));
    }

    [Fact]
    public async Task ChooseAllThatApply_WrongFirstAnswerThenASecond_RevealsAllTheRightOptionsOnlyAfterTheSecond()
    {
        var (client, _) = await factory.NewLearnerAsync();

        var first = await AnswerOnPageAsync(client, SeveralStep, 0, 1);
        AssertAnswerHidden(first);
        Assert.Empty(first.QuerySelectorAll(".quiz .choice.is-wrong"));
        var second = await AnswerOnPageAsync(client, SeveralStep, 0, 3);

        Assert.Contains("The right answers are:", second.Text(".quiz .feedback"), StringComparison.Ordinal);
        Assert.Equal(3, second.QuerySelectorAll(".quiz .choice.is-correct").Length);
        Assert.NotNull(second.QuerySelector(".quiz .choice.is-wrong[data-option='3']"));
    }

    [Fact]
    public async Task OpenApi_DescribesBothQuizEndpointsWithTheResponseTheyReturn()
    {
        var (client, _) = await factory.NewLearnerAsync();
        using var answer = await PostApiAsync(client, Step, "answers", [1], HttpStatusCode.OK);
        using var response = await client.GetAsync("/openapi/v1.json");
        using var openApi = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var paths = openApi.RootElement.GetProperty("paths");
        foreach (var action in new[] { "answers", "shown-answer" })
        {
            var post = paths.GetProperty($"/api/modules/{{slug}}/steps/{{number}}/quizzes/{{quiz}}/{action}").GetProperty("post");
            var ok = post.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");
            Assert.Equal("#/components/schemas/QuizAnswerResponse", ok.GetProperty("$ref").GetString());
            Assert.True(post.GetProperty("responses").TryGetProperty("400", out _));
        }

        var schema = openApi.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("QuizAnswerResponse").GetProperty("properties");
        Assert.Equal(
            answer.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal),
            schema.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains("null", schema.GetProperty("explanation").GetProperty("type").EnumerateArray().Select(t => t.GetString()));
    }

    /// <summary>Nothing on the page says which option is right or why.</summary>
    private static void AssertAnswerHidden(IHtmlDocument page)
    {
        Assert.Empty(page.QuerySelectorAll(".quiz .choice.is-correct"));
        Assert.Empty(page.QuerySelectorAll(".quiz .option-mark"));
        Assert.DoesNotContain("The right answer", page.Text(".quiz .feedback"), StringComparison.Ordinal);
        Assert.DoesNotContain(Explanation, page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("classic signs", page.Body!.TextContent, StringComparison.Ordinal);
    }

    private async Task<SkillBridge.Core.Progress.QuizAnswer> StoredAnswerAsync(string username)
    {
        var progress = Assert.Single(await factory.ProgressOfAsync(username));
        return Assert.Single(await factory.AnswersAsync(progress.Id));
    }

    private static async Task<IHtmlDocument> AnswerOnPageAsync(HttpClient client, string step, params int[] options) =>
        await SubmitAsync(client, await client.GetPageAsync(step), options);

    private static async Task<IHtmlDocument> SubmitAsync(HttpClient client, IHtmlDocument page, int[] options)
    {
        var form = page.QuerySelector<IHtmlFormElement>("form.quiz")!;
        using var response = await client.SubmitAsync(form, options.Select(o => new KeyValuePair<string, string>("selected", o.ToString(CultureInfo.InvariantCulture))));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return HtmlPages.Parse(await response.Content.ReadAsStringAsync());
    }

    private static List<KeyValuePair<string, string>> HiddenFields(IHtmlFormElement form) =>
        [.. form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))];

    private static async Task<JsonDocument> PostApiAsync(HttpClient client, string step, string action, int[] options, HttpStatusCode expected)
    {
        var page = await client.GetPageAsync(step);
        var form = page.QuerySelector<IHtmlFormElement>("form.quiz")!;
        var url = form.GetAttribute(action == "answers" ? "data-quiz-api" : "data-show-answer-api");
        using var content = new FormUrlEncodedContent([
            new("__RequestVerificationToken", form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value),
            .. options.Select(o => new KeyValuePair<string, string>("selected", o.ToString(CultureInfo.InvariantCulture)))]);
        using var response = await client.PostAsync(url, content);
        Assert.Equal(expected, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
