using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SkillBridge.BrowserTests.Infrastructure;
using SkillBridge.Core.Accounts;
using SkillBridge.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace SkillBridge.BrowserTests.Authoring;

/// <summary>
/// The step-by-step editor in a browser: its actions by keyboard with the focus where the author goes on, and a pasted
/// screenshot named after the module and step, described in a field beside the text box. The rules behind each action
/// are integration tests (EditorActionsTests); these check what only a browser shows.
/// </summary>
[Collection(SecondSiteInBrowser.Name)]
public sealed class StepEditorTests(BrowserFixture site)
{
    private const string PasteImage = """
        async ({ base64, id }) => {
          const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
          const clipboard = new DataTransfer();
          clipboard.items.add(new File([bytes], "image.png", { type: "image/png" }));
          const textarea = document.getElementById(id);
          textarea.focus();
          textarea.selectionStart = textarea.selectionEnd = textarea.value.length;
          const paste = new ClipboardEvent("paste", { clipboardData: clipboard, bubbles: true, cancelable: true });
          textarea.dispatchEvent(paste);
          return paste.defaultPrevented;
        }
        """;

    [Fact]
    public async Task EditorActions_ByKeyboard_AddMoveAndStartAQuizWithTheFocusOnWhatComesNext()
    {
        var username = BrowserFixture.UniqueName("author");
        await site.CreateAccountAsync(username, Roles.Author);
        var slug = await Drafts.CreateAsync(site, username, "Keyboard steps " + Guid.NewGuid().ToString("N")[..6]);
        try
        {
            await using var session = await site.OpenAsync();
            await BrowserFixture.SignInAsync(session.Page, username);
            var page = session.Page;
            await Editor.OpenStepByStepAsync(page, slug);

            // Add a step after the last one: its title has the focus, ready to type over.
            await page.GetByRole(AriaRole.Button, new() { Name = "Add step after step 2", Exact = true }).FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.Locator("#step-3-title")).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Control+A");
            await page.Keyboard.TypeAsync("Share the chart");
            await page.Keyboard.PressAsync("Tab");
            await Expect(page.Locator("#step-3-text")).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Control+A");
            await page.Keyboard.TypeAsync("Press Share and pick the team.");

            // Move it up: the focus stays on the moved step's move button.
            await page.GetByRole(AriaRole.Button, new() { Name = "Move up step 3", Exact = true }).FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.Locator("#step-2-up")).ToBeFocusedAsync();
            await Expect(page.Locator("#step-2-title")).ToHaveValueAsync("Share the chart");
            await Expect(page.Locator("#step-2-text")).ToHaveValueAsync("Press Share and pick the team.");
            await Expect(page.Locator("#step-3-title")).ToHaveValueAsync("Read the chart");

            // Add a quiz to that step: the quiz form opens on it with the question focused.
            await page.GetByRole(AriaRole.Button, new() { Name = "Add quiz to this step (step 2)", Exact = true }).FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.Locator("#Quiz_Question")).ToBeFocusedAsync();
            await Expect(page.Locator("#Quiz_Step")).ToHaveValueAsync("2");

            // Switch to the Markdown: the same module, in the content format.
            await page.GetByRole(AriaRole.Button, new() { Name = "Edit the Markdown instead" }).PressAsync("Enter");
            await Expect(page.Locator("#Form_Body")).ToBeFocusedAsync();
            await Expect(page.Locator("#Form_Body")).ToHaveValueAsync(new Regex(@"## Open the report\n[^#]*## Share the chart\nPress Share and pick the team\.\n\n## Read the chart\n"));
        }
        finally
        {
            await Drafts.ArchiveAsync(site, slug);
        }
    }

    [Fact]
    public async Task PasteImage_IntoAStep_IsNamedAfterTheModuleAndStepAndDescribedBesideTheText()
    {
        var username = BrowserFixture.UniqueName("author");
        await site.CreateAccountAsync(username, Roles.Author);
        var slug = await Drafts.CreateAsync(site, username, "Pasted names " + Guid.NewGuid().ToString("N")[..6]);
        try
        {
            await using var session = await site.OpenAsync();
            await BrowserFixture.SignInAsync(session.Page, username);
            var page = session.Page;
            await Editor.OpenStepByStepAsync(page, slug);

            var upload = await page.RunAndWaitForResponseAsync(
                () => page.EvaluateAsync<bool>(PasteImage, new { base64 = Convert.ToBase64String(TestImages.Png(40, 30)), id = "step-2-text" }),
                response => response.Url.Contains("handler=UploadImage", StringComparison.Ordinal));
            Assert.True(upload.Ok, $"The upload answered {upload.Status}");

            var altField = page.Locator("input[data-pasted-alt]");
            await Expect(altField).ToBeFocusedAsync();
            var path = await altField.GetAttributeAsync("data-pasted-alt");
            Assert.Matches($@"^images/{Regex.Escape(slug)}-step-2-\d{{4}}-\d{{2}}-\d{{2}}\.png$", path);
            await Expect(page.GetByLabel($"What the pasted image {path} shows (alt text)")).ToBeFocusedAsync();

            await page.Keyboard.PressAsync("Enter");
            await Expect(page.Locator(".pasted-image .field-error")).ToHaveTextAsync("Describe the image in a few words: learners who cannot see it hear this text.");
            await page.Keyboard.TypeAsync("This week's chart");
            await page.Keyboard.PressAsync("Enter");

            await Expect(page.Locator("#step-2-text")).ToBeFocusedAsync();
            await Expect(page.Locator("#step-2-text")).ToHaveValueAsync($"The chart shows this week's numbers.\n\n![This week's chart]({path})\n");
            await Editor.WaitForAutosaveAsync(page);
        }
        finally
        {
            await Drafts.ArchiveAsync(site, slug);
        }
    }
}
