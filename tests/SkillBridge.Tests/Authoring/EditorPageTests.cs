using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Data;
using SkillBridge.Tests.Infrastructure;
using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Authoring;

/// <summary>The module editor through HTTP, as an author and a curator use it.</summary>
public sealed class EditorPageTests(SkillBridgeWebFactory factory) : IClassFixture<SkillBridgeWebFactory>
{
    [Fact]
    public async Task NewModule_TitleSubmitted_OpensTheEditorOnAStoredDraft()
    {
        using var author = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("author"), Roles.Author);
        var page = await author.GetPageAsync("/authoring/new");
        var title = "Pin a chat " + Guid.NewGuid().ToString("N")[..6];

        using var response = await author.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("main form")!, [new("Title", title), new("Category", "tools")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var editor = await author.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(title, editor.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Form_Title")!.Value);
    }

    [Fact]
    public async Task Submit_TemplateSentencesLeftIn_IsRefusedNamingTheLineAndStaysADraft()
    {
        using var author = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("author"), Roles.Author);
        var page = await author.GetPageAsync("/authoring/new");
        using var created = await author.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("main form")!, [new("Title", "Pin a chat " + Guid.NewGuid().ToString("N")[..6]), new("Category", "tools")]);
        var slug = created.Headers.Location!.OriginalString.Split('/').First(part => part.StartsWith("pin-a-chat", StringComparison.Ordinal));
        var editor = await author.GetPageAsync(created.Headers.Location!.OriginalString);

        using var response = await author.PressAsync(editor, "Submit", new Dictionary<string, string> { ["Form.Summary"] = "Keep the chats that matter at the top." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = HtmlPages.Parse(await response.Content.ReadAsStringAsync()).Text("[data-valmsg-for='Form.Body']");
        Assert.Equal($"Line 1: “{NewModuleTemplate.Introduction}” is the new-module template's placeholder. Replace it with your own words.", message);
        Assert.Equal(DraftState.Editing, await DraftAsync(slug, d => d.State));
    }

    [Fact]
    public async Task Save_ChangedText_IsStoredAndSaid()
    {
        var (author, slug) = await NewModuleAsync();
        var editor = await author.OpenEditorAsync(slug);

        using var response = await author.PressAsync(editor, "Save", new Dictionary<string, string> { ["Form.Summary"] = "Keep the important chat at the top." });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Keep the important chat at the top.", await DraftAsync(slug, d => d.Summary));
        Assert.Contains("Draft saved.", (await author.OpenEditorAsync(slug)).Text("[role=status]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_ImageFromAnotherSite_IsRefusedNamingTheSettingAndNothingSaved()
    {
        var (author, slug) = await NewModuleAsync();
        var editor = await author.OpenEditorAsync(slug);
        var before = await DraftAsync(slug, d => d.Body);

        using var response = await author.PressAsync(editor, "Save", new Dictionary<string, string> { ["Form.Body"] = "Intro.\n\n## First step\n![Menu](https://tracker.example/p.gif)\n" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        var message = page.Text("[data-valmsg-for='Form.Body']");
        Assert.StartsWith("Line 4: the image https://tracker.example/p.gif is on another site.", message, StringComparison.Ordinal);
        Assert.Contains("SkillBridge:Content:AllowedImageHosts", message, StringComparison.Ordinal);
        Assert.Equal(before, await DraftAsync(slug, d => d.Body));
    }

    [Fact]
    public async Task Preview_ImageFromAnotherSite_SaysWhyAndShowsNoImage()
    {
        var (author, slug) = await NewModuleAsync();
        var editor = await author.OpenEditorAsync(slug);

        using var response = await author.PressAsync(editor, "Preview", new Dictionary<string, string> { ["Form.Body"] = "Intro.\n\n## First step\n![Menu](https://tracker.example/p.gif)\n" });

        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("SkillBridge:Content:AllowedImageHosts", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("img[src*='tracker.example']"));
    }

    [Fact]
    public async Task Save_SomeoneElseSavedFirst_ShowsBothVersionsAndKeepsWhatWasTyped()
    {
        var (author, slug) = await NewModuleAsync();
        using var curator = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("curator"), Roles.Curator);
        var authorsEditor = await author.OpenEditorAsync(slug);
        var curatorsEditor = await curator.OpenEditorAsync(slug);
        using (var first = await curator.PressAsync(curatorsEditor, "Save", new Dictionary<string, string> { ["Form.Body"] = "Curator's text.\n\n## One step\nDo it." }))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using var second = await author.PressAsync(authorsEditor, "Save", new Dictionary<string, string> { ["Form.Body"] = "Author's text.\n\n## One step\nDo it carefully." });

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var page = HtmlPages.Parse(await second.Content.ReadAsStringAsync());
        Assert.Contains("saved while you were editing", page.Text("#conflict-heading"), StringComparison.Ordinal);
        Assert.Contains("Curator's text.", page.Text(".their-body"), StringComparison.Ordinal);
        Assert.StartsWith("Author's text.", page.QuerySelector<AngleSharp.Html.Dom.IHtmlTextAreaElement>("#Form_Body")!.Value, StringComparison.Ordinal);
        Assert.StartsWith("Curator's text.", await DraftAsync(slug, d => d.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_AfterAConflictWasShown_ReplacesTheOtherVersionKnowingly()
    {
        var (author, slug) = await NewModuleAsync();
        using var curator = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("curator"), Roles.Curator);
        var authorsEditor = await author.OpenEditorAsync(slug);
        (await curator.PressAsync(await curator.OpenEditorAsync(slug), "Save", new Dictionary<string, string> { ["Form.Title"] = "Curator title" })).Dispose();
        using var conflict = await author.PressAsync(authorsEditor, "Save", new Dictionary<string, string> { ["Form.Title"] = "Author title" });
        var conflictPage = HtmlPages.Parse(await conflict.Content.ReadAsStringAsync());

        using var again = await author.PressAsync(conflictPage, "Save");

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("Author title", await DraftAsync(slug, d => d.Title));
    }

    [Fact]
    public async Task Autosave_CurrentVersion_ReturnsTheNewVersion()
    {
        var (author, slug) = await NewModuleAsync();
        var editor = await author.OpenEditorAsync(slug);
        var version = await DraftAsync(slug, d => d.Version);

        using var response = await author.PressAsync(editor, "Save", new Dictionary<string, string> { ["Form.Summary"] = "typed" }, file: null);
        using var autosave = await PostAutosaveAsync(author, editor, "typed again");

        Assert.Equal(HttpStatusCode.Conflict, autosave.StatusCode);
        var fresh = await author.OpenEditorAsync(slug);
        using var ok = await PostAutosaveAsync(author, fresh, "typed once more");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using var json = JsonDocument.Parse(await ok.Content.ReadAsStringAsync());
        Assert.Equal(version + 2, json.RootElement.GetProperty("version").GetInt32());
        Assert.Equal("typed once more", await DraftAsync(slug, d => d.Summary));
    }

    [Fact]
    public async Task Upload_PngWithAltText_StoresItAndAddsItToTheText()
    {
        var (author, slug) = await NewModuleAsync();
        var editor = await author.OpenEditorAsync(slug);

        using var response = await author.PressAsync(editor, "Upload", new Dictionary<string, string> { ["ImageAlt"] = "The pin icon next to a chat" }, ("image", "Pinned Chat.png", TestImages.Png(40, 30)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("![The pin icon next to a chat](images/pinned-chat.png)", await DraftAsync(slug, d => d.Body), StringComparison.Ordinal);
        var page = await author.OpenEditorAsync(slug);
        Assert.StartsWith("/media/", page.QuerySelector("#draft-preview img")!.GetAttribute("src"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_SvgWithScript_IsRefusedWithAMessageAndNothingStored()
    {
        var (author, slug) = await NewModuleAsync();
        var editor = await author.OpenEditorAsync(slug);
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray();
        var before = await MediaCountAsync();

        using var response = await author.PressAsync(editor, "Upload", new Dictionary<string, string> { ["ImageAlt"] = "A drawing" }, ("image", "drawing.svg", svg));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("PNG, JPEG, GIF or WebP", page.Text(".error-summary"), StringComparison.Ordinal);
        Assert.Equal(before, await MediaCountAsync());
        Assert.DoesNotContain("drawing", await DraftAsync(slug, d => d.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_WithoutAltText_AsksForIt()
    {
        var (author, slug) = await NewModuleAsync();
        var editor = await author.OpenEditorAsync(slug);

        using var response = await author.PressAsync(editor, "Upload", null, ("image", "shot.png", TestImages.Png(4, 4)));

        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Describe the image", page.Text(".error-summary"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddQuiz_FormFilledIn_WritesAQuizBlockIntoTheStep()
    {
        var (author, slug) = await NewModuleAsync();
        var editor = await author.OpenEditorAsync(slug);

        using var response = await author.PressAsync(editor, "AddQuiz", new Dictionary<string, string>
        {
            ["Quiz.Step"] = "1",
            ["Quiz.Question"] = "Where do pinned chats appear?",
            ["Quiz.Options[0].Text"] = "At the top of the list",
            ["Quiz.Options[0].Correct"] = "true",
            ["Quiz.Options[1].Text"] = "In a separate app",
            ["Quiz.Explanation"] = "Pinned chats stay at the top until you unpin them.",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var body = await DraftAsync(slug, d => d.Body);
        Assert.Contains("```quiz\nquestion: Where do pinned chats appear?", body, StringComparison.Ordinal);
        var preview = await author.OpenEditorAsync(slug);
        Assert.Contains("At the top of the list ✓ correct", preview.Text("#draft-preview"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddQuiz_NoCorrectAnswer_SaysSoAndChangesNothing()
    {
        var (author, slug) = await NewModuleAsync();
        var editor = await author.OpenEditorAsync(slug);
        var before = await DraftAsync(slug, d => d.Body);

        using var response = await author.PressAsync(editor, "AddQuiz", new Dictionary<string, string>
        {
            ["Quiz.Question"] = "Which?",
            ["Quiz.Options[0].Text"] = "One",
            ["Quiz.Options[1].Text"] = "Two",
            ["Quiz.Explanation"] = "Because.",
        });

        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Tick at least one answer as correct.", page.Text(".error-summary"), StringComparison.Ordinal);
        Assert.Equal(before, await DraftAsync(slug, d => d.Body));
    }

    [Fact]
    public async Task OpenEditor_OfAPublishedModule_StoresNothing()
    {
        using var curator = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("curator"), Roles.Curator);
        var before = await DraftCountAsync();

        await curator.OpenEditorAsync("use-a-password-manager");

        Assert.Equal(before, await DraftCountAsync());
    }

    [Fact]
    public async Task Editor_OfSomeoneElsesModule_IsForbiddenToAnotherAuthor()
    {
        var (_, slug) = await NewModuleAsync();
        using var other = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("other"), Roles.Author);

        using var response = await other.GetAsync($"/authoring/{slug}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<(HttpClient Author, string Slug)> NewModuleAsync()
    {
        var username = Infrastructure.Accounts.UniqueName("writer");
        var client = await factory.SignedInClientAsync(username, Roles.Author);
        await using var scope = factory.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<DraftEditor>().CreateAsync(
            new Actor(username, IsAuthor: true, IsCurator: false),
            new DraftContent("Pin a chat " + Guid.NewGuid().ToString("N")[..6], "", "tools", [], Core.Modules.ModuleLevel.Beginner, 5, null, "Intro.\n\n## First step\nPin it.\n", [username]));
        return (client, created.Value!.Module.Slug);
    }

    private static async Task<HttpResponseMessage> PostAutosaveAsync(HttpClient client, AngleSharp.Html.Dom.IHtmlDocument editor, string summary)
    {
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)editor.QuerySelector("#editor-form")!;
        var values = EditorForms.Fields(form);
        values["Form.Summary"] = summary;
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(form.GetAttribute("data-autosave"), content);
    }

    private async Task<T> DraftAsync<T>(string slug, Func<ModuleDraft, T> read)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var draft = await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().ModuleDrafts.AsNoTracking().SingleAsync(d => d.Module.Slug == slug);
        return read(draft);
    }

    private async Task<int> MediaCountAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().MediaFiles.CountAsync();
    }

    private async Task<int> DraftCountAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().ModuleDrafts.CountAsync();
    }
}
