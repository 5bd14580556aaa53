using Microsoft.Playwright;
using SkillBridge.BrowserTests.Infrastructure;
using SkillBridge.Core.Accounts;
using static Microsoft.Playwright.Assertions;

namespace SkillBridge.BrowserTests.Authoring;

/// <summary>A screenshot over the upload limit, pasted into the editor: the author reads why, and nothing is sent.</summary>
[Collection(SecondSiteInBrowser.Name)]
public sealed class EditorUploadLimitTests(BrowserFixture site)
{
    // Pastes a File of the given size (zeros behind a PNG signature), as the browser does for a pasted screenshot.
    private const string PasteLargeImage = """
        async ({ size }) => {
          const bytes = new Uint8Array(size);
          bytes.set([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
          const clipboard = new DataTransfer();
          clipboard.items.add(new File([bytes], "huge.png", { type: "image/png" }));
          const textarea = document.getElementById("Form_Body");
          textarea.focus();
          const paste = new ClipboardEvent("paste", { clipboardData: clipboard, bubbles: true, cancelable: true });
          textarea.dispatchEvent(paste);
          return paste.defaultPrevented;
        }
        """;

    [Fact]
    public async Task PasteImage_OverTheLimit_SaysTheLimitAndSendsNothing()
    {
        string? slug = null;
        try
        {
            await using var author = await site.OpenSignedInAsync(BrowserFixture.UniqueName("author"), [Roles.Author]);
            var page = author.Page;
            slug = await Editor.StartModuleAsync(page, "Paste a large screenshot " + Guid.NewGuid().ToString("N")[..6], "tools");
            var uploads = 0;
            page.Request += (_, request) => uploads += request.Url.Contains("handler=UploadImage", StringComparison.Ordinal) ? 1 : 0;

            var handled = await page.EvaluateAsync<bool>(PasteLargeImage, new { size = 11 * 1024 * 1024 });

            Assert.True(handled);
            await Expect(Editor.AutosaveStatus(page)).ToContainTextAsync("The file is larger than 10 MB.");
            Assert.Equal(0, uploads);
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
