using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Data;
using SkillBridge.Tests.Infrastructure;
using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Authoring;

/// <summary>
/// The step-by-step editor without JavaScript: each button posts the whole form and the server rewrites the stored
/// Markdown, which stays the content format; each button reports only on its own form, in plain sentences.
/// </summary>
public sealed class EditorActionsTests(SkillBridgeWebFactory factory) : IClassFixture<SkillBridgeWebFactory>
{
    private const string Body = "Intro.\n\n## First step\nPin it.\n\n## Second step\nUnpin it.\n";

    [Fact]
    public async Task Save_StepByStepFormUnchanged_StoresExactlyTheSameMarkdown()
    {
        const string body = "Intro with *emphasis*.\n\n\n##   First step ##\n\n   Indented.  \n\n```quiz\nquestion: 'Which: this one?'\noptions:\n  - text: A\n    correct: true\n  - text: B\nexplanation: Because.\n```\n\nAfter the quiz.\n\n## Second step\nLast line without newline";
        var (author, slug) = await NewModuleAsync(body);
        var editor = await author.OpenEditorAsync(slug);

        using var response = await author.PressAsync(editor, "Save", new Dictionary<string, string> { ["Form.Summary"] = "Pin what matters." });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Pin what matters.", await DraftAsync(slug, d => d.Summary));
        Assert.Equal(body, await DraftAsync(slug, d => d.Body));
    }

    [Fact]
    public async Task Save_StepTitleAndTextEdited_WritesThemIntoTheMarkdown()
    {
        var (author, slug) = await NewModuleAsync();
        var editor = await author.OpenEditorAsync(slug);

        using var response = await author.PressAsync(editor, "Save", new Dictionary<string, string>
        {
            ["Form.Sections[2].Title"] = "Unpin it when done",
            ["Form.Sections[1].Parts[0].Text"] = "Right-click the chat\r\nand choose Pin.",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Intro.\n\n## First step\nRight-click the chat\nand choose Pin.\n\n## Unpin it when done\nUnpin it.\n", await DraftAsync(slug, d => d.Body));
    }

    [Fact]
    public async Task AddStep_AfterTheFirstStep_InsertsANewStepAndFocusesItsTitle()
    {
        var (author, slug) = await NewModuleAsync();
        var editor = await author.OpenEditorAsync(slug);

        using var response = await author.PressAsync(editor, "AddStep&after=1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"Intro.\n\n## First step\nPin it.\n\n## New step\n{NewModuleTemplate.NewStepText}\n\n## Second step\nUnpin it.\n", await DraftAsync(slug, d => d.Body));
        var page = await author.GetPageAsync(response.Headers.Location!.OriginalString);
        var title = page.QuerySelector<IHtmlInputElement>("#step-2-title")!;
        Assert.Equal("New step", title.Value);
        Assert.True(title.HasAttribute("autofocus"));
        Assert.Single(page.QuerySelectorAll("[autofocus]"));
    }

    [Fact]
    public async Task MoveStep_SecondStepUp_SwapsTheStepsAndKeepsFocusOnTheMovedStep()
    {
        var (author, slug) = await NewModuleAsync();
        var editor = await author.OpenEditorAsync(slug);

        using var response = await author.PressAsync(editor, "MoveStep&step=2&by=-1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Intro.\n\n## Second step\nUnpin it.\n\n## First step\nPin it.\n", await DraftAsync(slug, d => d.Body));
        var page = await author.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.True(page.QuerySelector("#step-1-down")!.HasAttribute("autofocus"));
        Assert.Contains("it is now step 1", page.Text("[role=status]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddQuizToThisStep_ThenTheQuizForm_WritesTheQuizIntoThatStep()
    {
        var (author, slug) = await NewModuleAsync();
        var editor = await author.OpenEditorAsync(slug);

        using var started = await author.PressAsync(editor, "StartQuiz&step=2");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var quizForm = await author.GetPageAsync(started.Headers.Location!.OriginalString);
        Assert.Equal("2", quizForm.QuerySelector<IHtmlInputElement>("#Quiz_Step")!.Value);
        Assert.True(quizForm.QuerySelector("#Quiz_Question")!.HasAttribute("autofocus"));

        using var added = await author.PressAsync(quizForm, "AddQuiz", new Dictionary<string, string>
        {
            ["Quiz.Question"] = "What does unpinning do?",
            ["Quiz.Options[0].Text"] = "Moves the chat back into the list",
            ["Quiz.Options[0].Correct"] = "true",
            ["Quiz.Options[1].Text"] = "Deletes the chat",
            ["Quiz.Explanation"] = "Nothing is deleted.",
        });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var body = await DraftAsync(slug, d => d.Body);
        Assert.EndsWith("## Second step\nUnpin it.\n\n```quiz\nquestion: What does unpinning do?\noptions:\n  - text: Moves the chat back into the list\n    correct: true\n  - text: Deletes the chat\nexplanation: Nothing is deleted.\n```\n", body, StringComparison.Ordinal);
        var page = await author.GetPageAsync(added.Headers.Location!.OriginalString);
        Assert.Contains("What does unpinning do?", page.Text("#step-2 .step-quiz"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditThisQuiz_Followed_OpensTheQuizFormWithItsQuestionFocused()
    {
        var (author, slug) = await NewModuleAsync("Intro.\n\n## First step\nPin it.\n\n```quiz\nquestion: Where is the pin?\noptions:\n  - text: Top\n    correct: true\n  - text: Bottom\n```\n");
        var editor = await author.OpenEditorAsync(slug);
        var href = editor.QuerySelector("#step-1 .step-quiz a")!.GetAttribute("href")!;

        var page = await author.GetPageAsync($"/authoring/{slug}{href}");

        // A URL fragment would make browsers skip autofocus (HTML's autofocus rules): the field itself scrolls into view.
        Assert.DoesNotContain("#", href, StringComparison.Ordinal);
        var question = page.QuerySelector<IHtmlInputElement>("#quiz-editor #Quiz_Question")!;
        Assert.True(question.HasAttribute("autofocus"));
        Assert.Equal("Where is the pin?", question.Value);
        Assert.Single(page.QuerySelectorAll("[autofocus]"));
    }

    [Fact]
    public async Task AddImageHere_ThenUpload_PutsTheImageInThatStepWithAMeaningfulName()
    {
        var (author, slug) = await NewModuleAsync();
        var editor = await author.OpenEditorAsync(slug);

        using var started = await author.PressAsync(editor, "StartImage&step=1");
        var imageForm = await author.GetPageAsync(started.Headers.Location!.OriginalString);
        Assert.Equal("Add an image to step 1", imageForm.Text("#image-upload legend"));
        Assert.True(imageForm.QuerySelector("#image-file")!.HasAttribute("autofocus"));

        using var uploaded = await author.PressAsync(imageForm, "Upload", new Dictionary<string, string> { ["ImageAlt"] = "The pin icon" }, ("image", "image.png", TestImages.Png(8, 6)));

        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var today = factory.Services.GetRequiredService<TimeProvider>().GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"Intro.\n\n## First step\nPin it.\n\n![The pin icon](images/{slug}-step-1-{today}.png)\n\n## Second step\nUnpin it.\n", await DraftAsync(slug, d => d.Body));
    }

    [Fact]
    public async Task SwitchView_ToMarkdownAndBack_ShowsTheWholeTextThenTheSteps()
    {
        var (author, slug) = await NewModuleAsync();
        var editor = await author.OpenEditorAsync(slug);
        Assert.Null(editor.QuerySelector("#Form_Body"));

        using var toMarkdown = await author.PressAsync(editor, "SwitchView&view=markdown");
        var markdown = await author.GetPageAsync(toMarkdown.Headers.Location!.OriginalString);
        Assert.Equal(Body, markdown.QuerySelector<IHtmlTextAreaElement>("#Form_Body")!.Value);
        Assert.Null(markdown.QuerySelector("#step-1-title"));
        Assert.NotNull((await author.OpenEditorAsync(slug)).QuerySelector("#Form_Body"));

        using var toSteps = await author.PressAsync(markdown, "SwitchView&view=steps");
        var steps = await author.GetPageAsync(toSteps.Headers.Location!.OriginalString);
        Assert.Equal("Second step", steps.QuerySelector<IHtmlInputElement>("#step-2-title")!.Value);
        Assert.Equal(Body, await DraftAsync(slug, d => d.Body));
    }

    [Fact]
    public async Task Upload_WithoutAltText_ShowsOnlyTheAltTextProblemAndKeepsTheFile()
    {
        var (author, slug) = await NewModuleAsync();
        var editor = await author.OpenEditorAsync(slug);

        using var response = await author.PressAsync(editor, "Upload", null, ("image", "Pinned chat.png", TestImages.Png(8, 6)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Describe the image in a few words: learners who cannot see it hear this text.", page.Text("[data-valmsg-for='ImageAlt']"));
        Assert.Equal("Describe the image in a few words: learners who cannot see it hear this text.", page.Text(".error-summary"));
        Assert.Equal("images/pinned-chat.png", page.QuerySelector<IHtmlInputElement>("input[name=pendingImage]")!.Value);
        Assert.StartsWith("/media/", page.QuerySelector("#pending-image img")!.GetAttribute("src"), StringComparison.Ordinal);

        using var second = await author.PressAsync(page, "Upload", new Dictionary<string, string> { ["ImageAlt"] = "The pin icon" });

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.EndsWith("![The pin icon](images/pinned-chat.png)\n", await DraftAsync(slug, d => d.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_DuringAConflict_ShowsOnlyTheConflict()
    {
        var (author, slug) = await NewModuleAsync();
        var editor = await author.OpenEditorAsync(slug);
        using (var first = await author.PressAsync(await author.OpenEditorAsync(slug), "Save", new Dictionary<string, string> { ["Form.Summary"] = "Saved elsewhere." }))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using var response = await author.PressAsync(editor, "Save", new Dictionary<string, string> { ["Form.Summary"] = "Mine." });

        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        var summary = page.QuerySelectorAll(".error-summary li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains("saved this module while you were editing it", Assert.Single(summary), StringComparison.Ordinal);
        Assert.DoesNotContain(page.QuerySelectorAll(".field-error"), e => e.TextContent.Trim().Length > 0);
    }

    [Fact]
    public async Task Submit_Incomplete_ShowsPlainSentencesNextToTheFieldsAndNothingFromOtherForms()
    {
        var (author, slug) = await NewModuleAsync();
        var editor = await author.OpenEditorAsync(slug);

        using var response = await author.PressAsync(editor, "Submit", new Dictionary<string, string> { ["Form.Tags"] = "" });

        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        var text = page.Text(".error-summary");
        Assert.Contains("Write a one-sentence summary", page.Text("[data-valmsg-for='Form.Summary']"), StringComparison.Ordinal);
        Assert.DoesNotContain("field is required", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Question", text, StringComparison.Ordinal);
        Assert.Equal("", page.Text("[data-valmsg-for='Quiz.Question']"));
    }

    [Fact]
    public async Task Save_MinutesNotANumber_SaysSoInPlainWordsAndNothingElse()
    {
        var (author, slug) = await NewModuleAsync();
        var editor = await author.OpenEditorAsync(slug);

        using var response = await author.PressAsync(editor, "Save", new Dictionary<string, string> { ["Form.Minutes"] = "ten" });

        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Write the minutes as a whole number, e.g. 10.", page.Text("[data-valmsg-for='Form.Minutes']"));
        Assert.Equal("Write the minutes as a whole number, e.g. 10.", page.Text(".error-summary"));
    }

    [Fact]
    public async Task NewModule_WithoutTitle_SaysOnlyThePlainSentence()
    {
        using var author = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("author"), Roles.Author);
        var page = await author.GetPageAsync("/authoring/new");

        using var response = await author.SubmitAsync((IHtmlFormElement)page.QuerySelector("main form")!, [new("Title", ""), new("Category", "tools")]);

        var shown = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Give the module a title.", shown.Text(".error-summary"));
        Assert.Equal("Give the module a title.", shown.Text("[data-valmsg-for='Title']"));
    }

    private async Task<(HttpClient Author, string Slug)> NewModuleAsync(string body = Body)
    {
        var username = Infrastructure.Accounts.UniqueName("writer");
        var client = await factory.SignedInClientAsync(username, Roles.Author);
        await using var scope = factory.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<DraftEditor>().CreateAsync(
            new Actor(username, IsAuthor: true, IsCurator: false),
            new DraftContent("Pin a chat " + Guid.NewGuid().ToString("N")[..6], "", "tools", [], Core.Modules.ModuleLevel.Beginner, 5, null, body, [username]));
        return (client, created.Value!.Module.Slug);
    }

    private async Task<T> DraftAsync<T>(string slug, Func<ModuleDraft, T> read)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var draft = await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().ModuleDrafts.AsNoTracking().SingleAsync(d => d.Module.Slug == slug);
        return read(draft);
    }
}
