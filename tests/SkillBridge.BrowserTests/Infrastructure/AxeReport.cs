using System.Text;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using Newtonsoft.Json.Linq;

namespace SkillBridge.BrowserTests.Infrastructure;

/// <summary>Runs axe on a page, and lists serious and critical violations so a failing test says what to fix and where.</summary>
public static class AxeReport
{
    /// <summary>axe-core as Deque.AxeCore bundles it (the same version the package's own RunAxe uses).</summary>
    private static readonly string AxeSource = new BundledAxeScriptProvider().GetScript();

    /// <summary>
    /// Runs every axe rule on the page as it is now, in the page itself. Only violations are listed in full; passes,
    /// incomplete and inapplicable results name each rule with one example node, so <see cref="AxeResult.Passes"/> still
    /// says which rules ran and passed.
    /// </summary>
    /// <remarks>
    /// Deque.AxeCore.Playwright's <c>RunAxe</c> runs axe in parts and puts the parts together on a new blank page in a new
    /// browser context, loading axe into both: built for cross-origin iframes, which the site has none of, and about three
    /// times slower. This loads axe once into the page (Playwright's evaluate is not subject to the site's
    /// Content-Security-Policy) and calls <c>axe.run</c> there.
    /// </remarks>
    public static async Task<AxeResult> RunAxeAsync(this IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe?.run === 'function'"))
        {
            await page.EvaluateAsync("() => {\n" + AxeSource + "\n}");
        }

        var json = await page.EvaluateAsync<string>(
            "async () => JSON.stringify(await window.axe.run(document, { resultTypes: ['violations'] }))");
        return new AxeResult(JObject.Parse(json));
    }

    public static IReadOnlyList<AxeResultItem> SeriousOrCritical(AxeResult result) =>
        [.. result.Violations.Where(v => v.Impact is "serious" or "critical")];

    public static string Describe(string url, IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder().Append("Accessibility violations on ").AppendLine(url);
        foreach (var violation in violations)
        {
            text.Append("- ").Append(violation.Id).Append(" (").Append(violation.Impact).Append("): ").AppendLine(violation.Help);
            foreach (var node in violation.Nodes)
            {
                text.Append("    at ").Append(node.Target).Append(": ").AppendLine(Shorten(node.Html));
            }
        }

        return text.ToString();
    }

    private static string Shorten(string? html) =>
        html is null ? "" : html.Length <= 160 ? html : string.Concat(html.AsSpan(0, 160), "…");
}
