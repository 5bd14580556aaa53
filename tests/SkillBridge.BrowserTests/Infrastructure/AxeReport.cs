using System.Text;
using Deque.AxeCore.Commons;

namespace SkillBridge.BrowserTests.Infrastructure;

/// <summary>Serious and critical axe violations, written so a failing test says what to fix and where.</summary>
public static class AxeReport
{
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
