using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using SkillBridge.Core.Content.Markdown;
using SkillBridge.Core.Data;
using SkillBridge.Core.Media;

namespace SkillBridge.Core.Content;

/// <summary>
/// Renders a module revision into steps of safe HTML once and keeps the result in memory. Revisions never change,
/// so an entry never goes stale; it only ages out when unused.
/// </summary>
public sealed class RenderedModuleCache(IMemoryCache cache, MarkdownRenderer renderer, SkillBridgeDbContext db)
{
    private static readonly TimeSpan KeepUnused = TimeSpan.FromHours(1);

    /// <summary>Step and introduction images are at most as wide as the text column (site.css: .prose, .step-content).</summary>
    private const string ImageSizes = "(min-width: 48rem) 46rem, 100vw";

    public async Task<RenderedModule> GetAsync(int revisionId, CancellationToken cancellationToken = default) =>
        (await cache.GetOrCreateAsync(("rendered-module", revisionId), entry =>
        {
            entry.SlidingExpiration = KeepUnused;
            return RenderAsync(revisionId, cancellationToken);
        }))!;

    private async Task<RenderedModule> RenderAsync(int revisionId, CancellationToken cancellationToken)
    {
        var revision = await db.ModuleRevisions.AsNoTracking()
            .Where(r => r.Id == revisionId)
            .Select(r => new
            {
                r.Body,
                r.Cover,
                Images = r.Images.Select(i => new
                {
                    i.Path,
                    i.MediaFile.Sha256,
                    i.MediaFile.ContentType,
                    i.MediaFile.Width,
                    i.MediaFile.Height,
                    Variants = i.MediaFile.Variants.Select(v => new { v.Width, v.FileName }).ToList(),
                }).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException($"Module revision {revisionId} does not exist.");

        var parsed = ModuleBodyParser.Parse(revision.Body, $"revision {revisionId}", 1);
        if (!parsed.Succeeded)
        {
            // Revisions are validated before they are stored, so this means the stored body was changed behind SkillBridge's back.
            throw new InvalidOperationException($"Module revision {revisionId} cannot be rendered: {string.Join("; ", parsed.Problems)}");
        }

        var images = revision.Images.ToDictionary(
            i => i.Path,
            i =>
            {
                var url = $"/media/{i.Sha256}{ImageFormats.ExtensionFor(i.ContentType)}";
                if (i.Variants.Count == 0)
                {
                    return new ImageSource(url, i.Width, i.Height);
                }

                var candidates = i.Variants.OrderBy(v => v.Width).Select(v => $"/media/{v.FileName} {v.Width}w").Append($"{url} {i.Width}w");
                return new ImageSource(url, i.Width, i.Height, string.Join(", ", candidates), ImageSizes);
            },
            StringComparer.Ordinal);
        ImageSource? Resolve(string url) => images.GetValueOrDefault(url) ?? (url.StartsWith("./", StringComparison.Ordinal) ? images.GetValueOrDefault(url[2..]) : null);

        var document = parsed.Value!;
        return new RenderedModule(
            renderer.Render(document.Introduction, Resolve),
            document.Steps.Select(s => new RenderedStep(s.Number, s.Title, renderer.Render(s.Markdown, Resolve), s.Quizzes)).ToList(),
            revision.Cover is null ? null : Resolve(revision.Cover));
    }
}
