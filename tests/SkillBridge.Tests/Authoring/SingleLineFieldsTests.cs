using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Data;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Authoring;

/// <summary>
/// Every single-line field refuses a line break or control character with a message next to the field and stores
/// nothing: the module editor (form and autosave API), a new module, sign-up and invitations.
/// </summary>
public sealed class SingleLineFieldsTests(SkillBridgeWebFactory factory) : IClassFixture<SkillBridgeWebFactory>
{
    private const string Body = "Intro.\n\n## First step\nPin it.\n";

    [Theory]
    [InlineData("Form.Title", "Pin\na chat")]
    [InlineData("Form.Title", "Pin\r\na chat")]
    [InlineData("Form.Title", "Pin\u2028a chat")]
    [InlineData("Form.Summary", "Keep the chat\non top.")]
    [InlineData("Form.Summary", "Keep the chat\u0007 on top.")]
    [InlineData("Form.Tags", "teams, video\u2029calls")]
    [InlineData("Form.Tags", "teams, video\rcalls")]
    [InlineData("Form.Body", "Intro.\n\n## First\u2028step\nPin it.\n")]
    [InlineData("Form.Body", "Intro.\n\n## First\u0085step\nPin it.\n")]
    public async Task Save_LineBreakInASingleLineField_IsRefusedNextToTheFieldAndNothingIsStored(string field, string value)
    {
        var (author, slug) = await NewModuleAsync();
        var editor = await author.OpenEditorAsync(slug);
        var before = await DraftAsync(slug);

        using var response = await author.PressAsync(editor, "Save", new Dictionary<string, string> { [field] = value });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("must be a single line without control characters.", page.Text($"[data-valmsg-for='{field}']"), StringComparison.Ordinal);
        var after = await DraftAsync(slug);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal((before.Title, before.Summary, string.Join('|', before.Tags), before.Body), (after.Title, after.Summary, string.Join('|', after.Tags), after.Body));
    }

    [Theory]
    [InlineData("Quiz.Question", "Where do pinned\nchats appear?", "Quiz.Question", "The question must be a single line without control characters.")]
    [InlineData("Quiz.Options[1].Text", "In a separate\r\napp", "Quiz.Options", "Each answer must be a single line without control characters.")]
    public async Task AddQuiz_LineBreakInQuestionOrAnswer_IsRefusedNextToTheFieldAndNothingIsStored(string field, string value, string shownFor, string message)
    {
        var (author, slug) = await NewModuleAsync();
        var editor = await author.OpenEditorAsync(slug);
        var quiz = new Dictionary<string, string>
        {
            ["Quiz.Step"] = "1",
            ["Quiz.Question"] = "Where do pinned chats appear?",
            ["Quiz.Options[0].Text"] = "At the top of the list",
            ["Quiz.Options[0].Correct"] = "true",
            ["Quiz.Options[1].Text"] = "In a separate app",
            ["Quiz.Explanation"] = "Pinned chats stay at the top.",
        };
        quiz[field] = value;

        using var response = await author.PressAsync(editor, "AddQuiz", quiz);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(message, page.Text($"[data-valmsg-for='{shownFor}']"));
        Assert.Equal(Body, (await DraftAsync(slug)).Body);
    }

    [Fact]
    public async Task Autosave_LineBreakInTitle_Returns400WithTheProblemAndStoresNothing()
    {
        var (author, slug) = await NewModuleAsync();
        var editor = await author.OpenEditorAsync(slug);
        var form = (IHtmlFormElement)editor.QuerySelector("#editor-form")!;
        var values = EditorForms.Fields(form);
        values["Form.Title"] = "Pin\na chat";
        using var content = new FormUrlEncodedContent(values);

        using var response = await author.PostAsync(form.GetAttribute("data-autosave"), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var problem = Assert.Single(json.RootElement.GetProperty("problems").EnumerateArray());
        Assert.Equal("Title", problem.GetProperty("field").GetString());
        Assert.Equal("The title must be a single line without control characters.", problem.GetProperty("message").GetString());
        Assert.DoesNotContain("\n", (await DraftAsync(slug)).Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewModule_TitleWithALineBreak_IsRefusedNextToTheField()
    {
        using var author = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("author"), Roles.Author);
        var page = await author.GetPageAsync("/authoring/new");
        var drafts = await DraftCountAsync();

        using var response = await author.SubmitAsync((IHtmlFormElement)page.QuerySelector("main form")!, [new("Title", "Pin\na chat"), new("Category", "tools")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shown = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("The title must be a single line without control characters.", shown.Text("[data-valmsg-for='Title']"));
        Assert.Equal(drafts, await DraftCountAsync());
    }

    [Theory]
    [InlineData("Input.Name", "Ann\nLee", "Your name must be a single line without control characters.")]
    [InlineData("Input.Name", "Ann\u2028Lee", "Your name must be a single line without control characters.")]
    [InlineData("Input.Email", "ann.lee@example.com\u2028", "The e-mail address must be a single line without control characters.")]
    public async Task Register_LineBreakInAField_IsRefusedNextToTheFieldAndNoAccountIsMade(string field, string value, string message)
    {
        using var site = new SkillBridgeWebFactory { Settings = { ["SkillBridge:Accounts:AllowSelfRegistration"] = "true" } };
        using var client = site.CreateBrowser();
        var form = (IHtmlFormElement)(await client.GetPageAsync("/account/register")).QuerySelector("form.account-form")!;
        var fields = new Dictionary<string, string>
        {
            ["Input.Username"] = "ann.lee",
            ["Input.Email"] = "ann.lee@example.com",
            ["Input.Name"] = "Ann Lee",
            ["Input.Password"] = "a learner passphrase",
            ["Input.ConfirmPassword"] = "a learner passphrase",
        };
        fields[field] = value;

        using var response = await client.SubmitAsync(form, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(message, page.Text($"[data-valmsg-for='{field}']"));
        await using var scope = site.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().Users.AnyAsync(u => u.Email == "ann.lee@example.com"));
    }

    [Theory]
    [InlineData("new.person@example.com\n", null, "Email")]
    [InlineData("new.person@example.com", "new.person\u0085", "Username")]
    public async Task CreateInvitation_LineBreakInAField_IsRefusedForThatField(string email, string? username, string field)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var sut = scope.ServiceProvider.GetRequiredService<InvitationService>();

        var created = await sut.CreateAsync(email, username, "admin");

        Assert.False(created.Succeeded);
        var error = Assert.Single(created.Errors);
        Assert.Equal(field, error.Field);
        Assert.EndsWith("must be a single line without control characters.", error.Message, StringComparison.Ordinal);
    }

    private async Task<(HttpClient Author, string Slug)> NewModuleAsync()
    {
        var username = Infrastructure.Accounts.UniqueName("writer");
        var client = await factory.SignedInClientAsync(username, Roles.Author);
        await using var scope = factory.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<DraftEditor>().CreateAsync(
            new Actor(username, IsAuthor: true, IsCurator: false),
            new DraftContent("Pin a chat " + Guid.NewGuid().ToString("N")[..6], "Keep it on top.", "tools", ["teams"], Core.Modules.ModuleLevel.Beginner, 5, null, Body, [username]));
        return (client, created.Value!.Module.Slug);
    }

    private async Task<ModuleDraft> DraftAsync(string slug)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().ModuleDrafts.AsNoTracking().SingleAsync(d => d.Module.Slug == slug);
    }

    private async Task<int> DraftCountAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().ModuleDrafts.CountAsync();
    }
}
