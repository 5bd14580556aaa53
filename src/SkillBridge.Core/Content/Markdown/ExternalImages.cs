using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SkillBridge.Core.Content.Markdown;

/// <summary>
/// Images from other sites: shown only from the hosts SkillBridge:Content:AllowedImageHosts lists, so that a module
/// cannot carry a tracking pixel. The editor and import refuse the others; ones stored earlier render as links.
/// </summary>
public static class ExternalImages
{
    public const string Setting = "SkillBridge:Content:AllowedImageHosts";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();

    /// <summary>True for the site's own (relative) images and for absolute ones on an allowed host.</summary>
    public static bool IsAllowed(string url, IReadOnlyCollection<string> allowedHosts) =>
        !UrlPolicy.IsExternal(url) || (HostOf(url) is { } host && allowedHosts.Contains(host, StringComparer.OrdinalIgnoreCase));

    /// <summary>Images in the Markdown that may not be shown, with their 1-based line (the body's first line is <paramref name="firstLine"/>).</summary>
    public static IReadOnlyList<(string Url, int Line)> FindRefused(string markdown, int firstLine, IReadOnlyCollection<string> allowedHosts) =>
        Markdig.Markdown.Parse(markdown, Pipeline)
            .Descendants<LinkInline>()
            .Where(link => link.IsImage && !string.IsNullOrWhiteSpace(link.Url) && !IsAllowed(link.Url!, allowedHosts))
            .Select(link => (link.Url!, firstLine + link.Line))
            .ToList();

    public static string Problem(string url) =>
        $"the image {url} is on another site. Upload it to this module instead; only an admin can allow images from another site's host ({Setting}).";

    private static string? HostOf(string url)
    {
        var trimmed = url.Trim();
        var absolute = trimmed.StartsWith("//", StringComparison.Ordinal) ? "https:" + trimmed : trimmed;
        return Uri.TryCreate(absolute, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.IdnHost
            : null;
    }
}
