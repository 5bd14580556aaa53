using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Player;

[Collection(StarterSite.Name)]
public sealed class StepPageTests(SkillBridgeWebFactory factory)
{
    private const string Module = "/modules/share-your-screen";

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Get_FirstStep_ShowsTitleProgressAndNavigation()
    {
        var page = await _client.GetPageAsync($"{Module}/steps/1");

        Assert.Equal("Get the window ready first", page.Text("h1"));
        Assert.Equal("Step 1 of 4", page.Text("label[for=step-progress]"));
        var progress = page.QuerySelector("progress#step-progress")!;
        Assert.Equal("1", progress.GetAttribute("value"));
        Assert.Equal("4", progress.GetAttribute("max"));
        Assert.Equal(Module, page.QuerySelector("[data-step-nav=prev]")!.GetAttribute("href"));
        Assert.Equal($"{Module}/steps/2", page.QuerySelector("[data-step-nav=next]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Get_StepWithAlert_RendersTheAlertAsSafeHtml()
    {
        var page = await _client.GetPageAsync($"{Module}/steps/1");

        Assert.NotNull(page.QuerySelector("#step-content .markdown-alert"));
        Assert.Empty(page.QuerySelectorAll("#step-content script"));
    }

    [Fact]
    public async Task Get_StepWithImage_ServesTheImageLazilyWithItsSize()
    {
        var page = await _client.GetPageAsync($"{Module}/steps/3");

        var image = page.QuerySelector("#step-content img")!;
        Assert.StartsWith("/media/", image.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Equal("lazy", image.GetAttribute("loading"));
        Assert.NotNull(image.GetAttribute("width"));
        Assert.NotNull(image.GetAttribute("height"));
        Assert.StartsWith("The share dialog", image.GetAttribute("alt"), StringComparison.Ordinal);

        using var media = await _client.GetAsync(image.GetAttribute("src"));
        Assert.Equal(HttpStatusCode.OK, media.StatusCode);
        Assert.Equal("image/png", media.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", media.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Get_LastStep_NextLeadsToTheFinishScreen()
    {
        var page = await _client.GetPageAsync($"{Module}/steps/4");

        var next = page.QuerySelector("[data-step-nav=next]")!;
        Assert.Equal($"{Module}/finish", next.GetAttribute("href"));
        Assert.Equal("Finish", next.TextContent.Trim());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(-1)]
    [InlineData(999)]
    public async Task Get_StepOutOfRange_Returns404(int number)
    {
        using var response = await _client.GetAsync($"{Module}/steps/{number}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Get_StepOfUnknownModule_Returns404()
    {
        using var response = await _client.GetAsync("/modules/no-such-module/steps/1");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PostAnswer_RightOptionWithoutJavaScript_SaysCorrectAndExplains()
    {
        var page = await AnswerAsync(["0"]);

        Assert.Equal("Correct.", page.Text(".quiz .feedback .verdict"));
        Assert.Contains("Sharing a window keeps other apps and pop-ups private", page.Text(".quiz .feedback"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".quiz .choice.is-correct[data-option='0']"));
    }

    [Fact]
    public async Task PostAnswer_WrongFirstOptionWithoutJavaScript_SaysWrongAndOffersTryAgainWithoutTheAnswer()
    {
        var page = await AnswerAsync(["1"]);

        Assert.Equal("Not quite: that answer is wrong.", page.Text(".quiz .feedback .verdict"));
        Assert.DoesNotContain("The right answer", page.Text(".quiz .feedback"), StringComparison.Ordinal);
        Assert.DoesNotContain("Sharing a window keeps other apps", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll(".quiz .choice.is-correct"));
        Assert.Equal("Try again", page.Text(".quiz [data-quiz-try-again]"));
        Assert.Equal("true", page.QuerySelector<IHtmlInputElement>(".quiz input[name=answeredBefore]")!.Value);
    }

    [Fact]
    public async Task PostAnswer_SecondAnswerWithoutJavaScript_NamesTheRightAnswerAndExplains()
    {
        var first = await AnswerAsync(["1"]);
        var form = first.QuerySelector<IHtmlFormElement>("form.quiz")!;

        using var response = await _client.SubmitAsync(form, [new("selected", "2")]);
        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());

        Assert.Contains("The right answer is: Only that window.", page.Text(".quiz .feedback"), StringComparison.Ordinal);
        Assert.Contains("Sharing a window keeps other apps", page.Text(".quiz .feedback"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".quiz .choice.is-wrong[data-option='2']"));
        Assert.NotNull(page.QuerySelector(".quiz .choice.is-correct[data-option='0']"));
    }

    [Fact]
    public async Task Get_TryAgainLink_ShowsTheQuizUnansweredForASecondAnswer()
    {
        var page = await _client.GetPageAsync($"{Module}/steps/4?again=0");

        Assert.Contains("Choose again", page.Text(".quiz .feedback"), StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector<IHtmlInputElement>(".quiz input[name=answeredBefore]")!.Value);
        Assert.Equal("Show the answer", page.Text(".quiz [data-quiz-show-answer]"));
    }

    [Fact]
    public async Task Get_QuizStep_EachAnswerRowIsTheLabelOfItsInput()
    {
        var page = await _client.GetPageAsync($"{Module}/steps/4");

        var rows = page.QuerySelectorAll(".quiz .choice");
        Assert.Equal(3, rows.Length);
        Assert.All(rows, row => Assert.Equal("LABEL", row.TagName));
        Assert.All(rows, row => Assert.NotNull(row.QuerySelector("input[name=selected]")));
    }

    [Fact]
    public async Task PostAnswer_NothingChosen_AsksForAnAnswer()
    {
        var page = await AnswerAsync([]);

        Assert.Equal("Choose an answer first.", page.Text(".quiz .feedback .verdict"));
    }

    [Fact]
    public async Task PostAnswer_WithoutAntiforgeryToken_IsRefused()
    {
        using var content = new FormUrlEncodedContent([new("quiz", "0"), new("selected", "0")]);
        using var response = await _client.PostAsync($"{Module}/steps/4?handler=Answer", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AnswerApi_RightOption_ReturnsCorrectWithExplanation()
    {
        var page = await _client.GetPageAsync($"{Module}/steps/4");
        var form = (IHtmlFormElement)page.QuerySelector("form.quiz")!;
        var token = form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("selected", "0")]);

        using var response = await _client.PostAsync(form.GetAttribute("data-quiz-api"), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<AnswerBody>();
        Assert.True(body!.IsCorrect);
        Assert.False(body.CanTryAgain);
        Assert.Equal([0], body.CorrectOptions!);
        Assert.Contains("private", body.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerApi_OptionThatDoesNotExist_Returns400WithAMessage()
    {
        var page = await _client.GetPageAsync($"{Module}/steps/4");
        var form = (IHtmlFormElement)page.QuerySelector("form.quiz")!;
        var token = form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("selected", "42")]);

        using var response = await _client.PostAsync(form.GetAttribute("data-quiz-api"), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not one of the options", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetFinish_NamesTheAuthorsWithProfileLinks()
    {
        var page = await _client.GetPageAsync($"{Module}/finish");

        Assert.Contains("Written by Priya Shah and Tom Okafor", page.Text("#author-heading"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href='/people/priya.shah']"));
    }

    private async Task<IHtmlDocument> AnswerAsync(string[] selected)
    {
        var page = await _client.GetPageAsync($"{Module}/steps/4");
        var form = (IHtmlFormElement)page.QuerySelector("form.quiz")!;
        using var response = await _client.SubmitAsync(form, selected.Select(s => new KeyValuePair<string, string>("selected", s)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return HtmlPages.Parse(await response.Content.ReadAsStringAsync());
    }

    private sealed record AnswerBody(bool IsCorrect, bool CanTryAgain, int[]? CorrectOptions, string? Explanation, string Verdict);
}
