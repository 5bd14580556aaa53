using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SkillBridge.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SkillBridge.BrowserTests.Authoring;

/// <summary>The module editor (/authoring/{slug}) as a person uses it.</summary>
public static partial class Editor
{
    public static ILocator Body(IPage page) => page.Locator("#Form_Body");

    public static ILocator AutosaveStatus(IPage page) => page.Locator("#autosave-status");

    /// <summary>Starts a module at /authoring/new and returns its slug once the editor has opened and its script is listening.</summary>
    public static async Task<string> StartModuleAsync(IPage page, string title, string categoryKey)
    {
        await page.GotoAsync("/authoring/new");
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Category").SelectOptionAsync(categoryKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start writing" }).ClickAsync();
        await page.WaitForPageAsync(EditorUrl(), Enhancement.Editor);
        await Expect(page.Locator("h1")).ToContainTextAsync(title);
        var slug = EditorUrl().Match(page.Url).Groups["slug"].Value;
        await OpenAsync(page, slug);
        return slug;
    }

    /// <summary>
    /// Opens the editor of <paramref name="slug"/> in its Markdown view (which the browser then keeps for this session's
    /// editors) and waits until its script is listening: text typed before then is never autosaved, and a pasted
    /// screenshot is never uploaded.
    /// </summary>
    public static Task OpenAsync(IPage page, string slug) => page.GotoReadyAsync($"/authoring/{slug}?view=markdown", Enhancement.Editor);

    /// <summary>Opens the editor of <paramref name="slug"/> in the step-by-step view, its script listening.</summary>
    public static Task OpenStepByStepAsync(IPage page, string slug) => page.GotoReadyAsync($"/authoring/{slug}?view=steps", Enhancement.Editor);

    /// <summary>Waits until the editor's script reports that every change so far reached the server.</summary>
    public static Task WaitForAutosaveAsync(IPage page) =>
        Expect(AutosaveStatus(page)).ToContainTextAsync("All changes saved at");

    public static Task ClickAsync(IPage page, string button) =>
        page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();

    [GeneratedRegex(@"/authoring/(?<slug>(?!new$)[a-z0-9-]+)$")]
    public static partial Regex EditorUrl();
}
