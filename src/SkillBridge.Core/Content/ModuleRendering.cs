using SkillBridge.Core.Content.Markdown;
using SkillBridge.Core.Media;

namespace SkillBridge.Core.Content;

/// <summary>How a module's Markdown becomes the player's steps: shared by published revisions and the editor's preview.</summary>
public static class ModuleRendering
{
    /// <summary>Step and introduction images are at most as wide as the text column (site.css: .prose, .step-content).</summary>
    private const string ImageSizes = "(min-width: 48rem) 46rem, 100vw";

    /// <summary>Where a stored image is served, with its libvips variants as a srcset when there are any.</summary>
    public static ImageSource Source(string sha256, string contentType, int width, int height, IEnumerable<(int Width, string FileName)> variants)
    {
        var url = MediaUrls.Of(sha256, contentType);
        var smaller = variants.Where(v => ImageVariantMaker.IsContentWidth(v.Width)).OrderBy(v => v.Width).Select(v => $"{MediaUrls.OfVariant(v.FileName)} {v.Width}w").ToList();
        return smaller.Count == 0
            ? new ImageSource(url, width, height)
            : new ImageSource(url, width, height, string.Join(", ", smaller.Append($"{url} {width}w")), ImageSizes);
    }

    /// <summary>Renders each part of the document with images resolved from <paramref name="images"/> (paths as the Markdown writes them).</summary>
    public static RenderedModule Render(MarkdownRenderer renderer, ModuleDocument document, string? cover, IReadOnlyDictionary<string, ImageSource> images)
    {
        ImageSource? Resolve(string url) => images.GetValueOrDefault(url) ?? (url.StartsWith("./", StringComparison.Ordinal) ? images.GetValueOrDefault(url[2..]) : null);

        return new RenderedModule(
            renderer.Render(document.Introduction, Resolve),
            document.Steps.Select(s => new RenderedStep(s.Number, s.Title, renderer.Render(s.Markdown, Resolve), s.Quizzes)).ToList(),
            cover is null ? null : Resolve(cover));
    }
}
