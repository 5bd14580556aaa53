using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SkillBridge.BrowserTests.Infrastructure;

/// <summary>The names site.js and editor.js put in &lt;html data-enhanced&gt; once their handlers are attached.</summary>
public static class Enhancement
{
    /// <summary>Left and right arrow keys move between steps (a step page).</summary>
    public const string StepKeys = "step-keys";

    /// <summary>This device remembered the step on show (a step page).</summary>
    public const string RememberStep = "remember-step";

    /// <summary>The module page's Start button has been turned into "Continue at step N", or left as it is (anonymous visitors).</summary>
    public const string Continue = "continue";

    /// <summary>Quizzes are answered in place instead of by a form post (a step with a quiz).</summary>
    public const string Quiz = "quiz";

    /// <summary>The header search box is a combobox with suggestions (every page).</summary>
    public const string Search = "search";

    /// <summary>The player's bottom bar keeps html's scroll-padding-bottom at its real height (a step page).</summary>
    public const string StepBar = "step-bar";

    /// <summary>Escape closes the header's Search and Menu disclosures (every page).</summary>
    public const string Header = "header";

    /// <summary>The certificate's Print button is shown and opens the browser's print dialog.</summary>
    public const string Print = "print";

    /// <summary>Autosave, live preview and pasted or dropped screenshots (the module editor).</summary>
    public const string Editor = "editor";

    /// <summary>The path builder's module picker searches as you type.</summary>
    public const string PathPicker = "path-picker";

    /// <summary>The path builder's modules can be reordered by dragging.</summary>
    public const string PathDrag = "path-drag";
}

/// <summary>
/// Waiting for the state a test needs before it acts or asserts, never for time.
/// </summary>
/// <remarks>
/// Two races these close. A key press, typed text or click that reaches a page before its script has attached the handler
/// gets the behaviour without JavaScript (nothing, or a full form post), so tests wait for the script's own signal first.
/// And Playwright .NET's <c>WaitForURLAsync</c> compares the URL it last heard of and only then starts listening for
/// navigations: a navigation that lands in between is never seen, and the wait times out with the page already there (under
/// load this failed <c>StepKeyboardTests.ArrowRight_OnAStep_MovesToTheNextStep</c> and a search box test). The web-first
/// <c>Expect(page).ToHaveURLAsync</c> asks again until the URL matches, so these helpers use that instead.
/// </remarks>
public static class PageReadiness
{
    /// <summary>Opens <paramref name="path"/> and waits until each of <paramref name="enhancements"/> is attached.</summary>
    public static async Task GotoReadyAsync(this IPage page, string path, params string[] enhancements)
    {
        await page.GotoAsync(path);
        await page.WaitForEnhancementsAsync(enhancements);
    }

    /// <summary>
    /// Waits until the page is at <paramref name="path"/> (an action navigated there) and each of <paramref name="enhancements"/>
    /// is attached on that new page.
    /// </summary>
    public static async Task WaitForPageAsync(this IPage page, string path, params string[] enhancements)
    {
        await Expect(page).ToHaveURLAsync(path);
        await page.WaitForEnhancementsAsync(enhancements);
    }

    /// <summary>As <see cref="WaitForPageAsync(IPage, string, string[])"/>, for an address matched by a pattern (a query string, a new slug).</summary>
    public static async Task WaitForPageAsync(this IPage page, Regex url, params string[] enhancements)
    {
        await Expect(page).ToHaveURLAsync(url);
        await page.WaitForEnhancementsAsync(enhancements);
    }

    /// <summary>
    /// Waits until the page showing now reports each of <paramref name="enhancements"/> attached. After an action that
    /// navigates use <see cref="WaitForPageAsync(IPage, string, string[])"/>: until the new page arrives this reads the old one's list.
    /// </summary>
    public static async Task WaitForEnhancementsAsync(this IPage page, params string[] enhancements)
    {
        foreach (var name in enhancements)
        {
            await Expect(page.Locator("html")).ToHaveAttributeAsync("data-enhanced", new Regex($"(^| ){Regex.Escape(name)}( |$)"));
        }
    }
}
