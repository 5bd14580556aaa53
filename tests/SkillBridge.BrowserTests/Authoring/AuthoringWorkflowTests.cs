using SkillBridge.Tests.TestSupport;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SkillBridge.BrowserTests.Infrastructure;
using SkillBridge.Core.Accounts;
using static Microsoft.Playwright.Assertions;

namespace SkillBridge.BrowserTests.Authoring;

/// <summary>The issue's whole story: an author writes a module with a screenshot and a quiz, a curator is told and asks for a change, the author is told and fixes it, the curator publishes, a learner finds it.</summary>
[Collection(SecondSiteInBrowser.Name)]
public sealed class AuthoringWorkflowTests(BrowserFixture site)
{
    // Dispatches a real paste event whose clipboard holds the PNG as a File, as the browser does for a pasted screenshot.
    private const string PasteImage = """
        async ({ base64, name }) => {
          const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
          const clipboard = new DataTransfer();
          clipboard.items.add(new File([bytes], name, { type: "image/png" }));
          const textarea = document.getElementById("Form_Body");
          textarea.focus();
          textarea.selectionStart = textarea.selectionEnd = textarea.value.length;
          const paste = new ClipboardEvent("paste", { clipboardData: clipboard, bubbles: true, cancelable: true });
          textarea.dispatchEvent(paste);
          return paste.defaultPrevented;
        }
        """;

    [Fact]
    public async Task AuthorWritesCuratorAsksForAChangeThenPublishes_LearnerSeesTheScreenshot()
    {
        var title = "Read the weekly report " + Guid.NewGuid().ToString("N")[..6];
        const string alt = "The weekly chart with Monday's bar highlighted";
        const string comment = "Please say which menu the Reports item is in.";

        string? slug = null;
        try
        {
            // The author writes the module: steps, a pasted screenshot, a quiz from the builder, then submits it.
            await using var author = await site.OpenSignedInAsync(BrowserFixture.UniqueName("author"), [Roles.Author]);
            var page = author.Page;
            await using var curator = await site.OpenSignedInAsync(BrowserFixture.UniqueName("curator"), [Roles.Curator]);
            var review = curator.Page;
            slug = await Editor.StartModuleAsync(page, title, "tools");
            await page.Locator("#Form_Summary").FillAsync("Find this week's numbers in two minutes.");
            await Editor.Body(page).FillAsync("""
                Every Monday the team looks at last week's numbers.

                ## Open the report
                Choose Reports in the menu.

                ## Read the chart
                Each bar is one day of the week:
                """);

            var upload = await page.RunAndWaitForResponseAsync(
                () => page.EvaluateAsync<bool>(PasteImage, new { base64 = Convert.ToBase64String(TestImages.Png(160, 90, 0x1f, 0x5f, 0xbf)), name = "weekly chart.png" }),
                response => response.Url.Contains("handler=UploadImage", StringComparison.Ordinal));
            Assert.True(upload.Ok, $"The upload answered {upload.Status}: {await upload.TextAsync()}");
            // The alt text is asked for beside the text box, never in a browser prompt.
            var altField = page.GetByLabel("What the pasted image images/weekly-chart.png shows (alt text)");
            await Expect(altField).ToBeFocusedAsync();
            await altField.FillAsync(alt);
            await altField.PressAsync("Enter");
            await Expect(Editor.Body(page)).ToHaveValueAsync(new Regex(@"Each bar is one day of the week:\s*!\[" + Regex.Escape(alt) + @"\]\(images/weekly-chart\.png\)"));
            await Editor.WaitForAutosaveAsync(page);

            var quiz = page.Locator("#quiz-editor");
            await quiz.GetByLabel("Add it to step").FillAsync("2");
            await quiz.GetByLabel("Question").FillAsync("What does one bar show?");
            await quiz.Locator("input[name='Quiz.Options[0].Text']").FillAsync("One day");
            await quiz.Locator("input[name='Quiz.Options[0].Correct']").CheckAsync();
            await quiz.Locator("input[name='Quiz.Options[1].Text']").FillAsync("One week");
            await quiz.GetByLabel("Explanation shown after answering").FillAsync("The chart has a bar for each day.");
            await Editor.ClickAsync(page, "Add the quiz to the text");
            await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Quiz saved into the module text." })).ToBeVisibleAsync();
            await Expect(Editor.Body(page)).ToHaveValueAsync(new Regex("What does one bar show\\?"));
            await Expect(page.Locator("#draft-preview")).ToContainTextAsync("What does one bar show?");

            await Editor.ClickAsync(page, "Submit for review");
            await Expect(page.Locator("#draft-state")).ToHaveTextAsync("Waiting for a curator's review");

            // The curator is told: the notification leads to the review page, and opening that page clears it.
            await review.GotoAsync("/review");
            await Expect(review.Locator("#notifications-link .count-badge")).ToHaveTextAsync("1 unread");
            await review.Locator("#notifications-link").ClickAsync();
            await review.WaitForPageAsync("/notifications");
            await review.Locator(".notification-list a", new() { HasText = title }).ClickAsync();
            await review.WaitForPageAsync($"/review/{slug}");
            await Expect(review.Locator("#notifications-link .count-badge")).ToHaveCountAsync(0);

            // The curator asks for a change.
            await review.GetByLabel("What should the authors change?").FillAsync(comment);
            await review.GetByRole(AriaRole.Button, new() { Name = "Request changes" }).ClickAsync();
            await review.WaitForPageAsync("/review");

            // The author is told, follows the notification to the editor (which clears it), reads the comment, fixes the
            // text and submits again.
            await page.GotoAsync("/learning");
            await Expect(page.Locator("#notifications-link .count-badge")).ToHaveTextAsync("1 unread");
            await page.Locator("#notifications-link").ClickAsync();
            await page.WaitForPageAsync("/notifications");
            await Expect(page.Locator(".notification-list")).ToContainTextAsync($"asked for changes to “{title}”");
            await page.Locator(".notification-list a", new() { HasText = title }).ClickAsync();
            await page.WaitForPageAsync(new Regex($"/authoring/{slug}"));
            await Expect(page.Locator("#notifications-link .count-badge")).ToHaveCountAsync(0);
            await Editor.OpenAsync(page, slug);
            await Expect(page.Locator("#draft-state")).ToHaveTextAsync("Changes requested");
            await Expect(page.Locator(".review-comments")).ToContainTextAsync(comment);
            var text = await Editor.Body(page).InputValueAsync();
            Assert.Contains("Choose Reports in the menu.", text, StringComparison.Ordinal);
            await Editor.Body(page).FillAsync(text.Replace("Choose Reports in the menu.", "Choose Reports in the menu on the left.", StringComparison.Ordinal));
            await Editor.WaitForAutosaveAsync(page);
            await Editor.ClickAsync(page, "Submit for review");
            await Expect(page.Locator("#draft-state")).ToHaveTextAsync("Waiting for a curator's review");

            // The author answers in the conversation; the curator sees the fix marked in the text, replies, and publishes.
            await page.GetByLabel("Your reply").FillAsync("I added where the menu is.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
            await Expect(page.Locator("#review-thread .review-comment-text").Last).ToHaveTextAsync("I added where the menu is.");
            await review.GotoAsync($"/review/{slug}");
            await Expect(review.Locator("#compared-with")).ToContainTextAsync("since your last review");
            await Expect(review.Locator("#review-rendered ins")).ToHaveTextAsync(new Regex(@"^added:\s*on the left\s*$"));
            await Expect(review.Locator("#source-changes .diff")).Not.ToBeVisibleAsync();
            await review.GetByText("Show the changes in the source (Markdown)").ClickAsync();
            await Expect(review.Locator("#source-changes ins.diff-line")).ToContainTextAsync("Choose Reports in the menu on the left.");
            await review.GetByLabel("Your reply").FillAsync("Thanks, publishing now.");
            await review.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
            await review.WaitForPageAsync($"/review/{slug}#review-thread");
            await Expect(review.Locator("#review-thread .review-comment")).ToHaveCountAsync(3);
            await review.GetByRole(AriaRole.Button, new() { Name = "Publish now" }).ClickAsync();
            await review.WaitForPageAsync($"/modules/{slug}");

            // A learner without an account finds it by its category and sees the screenshot in its step.
            await using var learner = await site.OpenAsync();
            var catalogue = learner.Page;
            await catalogue.GotoAsync("/");
            await catalogue.GetByLabel("Category").SelectOptionAsync("tools");
            await catalogue.GetByRole(AriaRole.Button, new() { Name = "Show modules" }).ClickAsync();
            await catalogue.WaitForPageAsync(new Regex("[?&]category=tools(&|$)"));
            await catalogue.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
            await catalogue.WaitForPageAsync($"/modules/{slug}");
            await catalogue.GetByRole(AriaRole.Link, new() { Name = "Read the chart", Exact = true }).ClickAsync();
            await catalogue.WaitForPageAsync($"/modules/{slug}/steps/2");
            var screenshot = catalogue.GetByRole(AriaRole.Img, new() { Name = alt });
            await screenshot.ScrollIntoViewIfNeededAsync();
            await Expect(screenshot).ToBeVisibleAsync();
            var naturalWidth = await screenshot.EvaluateAsync<int>("image => image.decode().then(() => image.naturalWidth, () => 0)");
            Assert.True(naturalWidth > 0, $"The screenshot did not load: {await screenshot.GetAttributeAsync("src")}");
            await Expect(catalogue.Locator(".quiz")).ToContainTextAsync("What does one bar show?");
        }
        finally
        {
            if (slug is not null)
            {
                await Drafts.ArchiveAsync(site, slug);
            }
        }
    }
}
