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
            i => ModuleRendering.Source(i.Sha256, i.ContentType, i.Width, i.Height, i.Variants.Select(v => (v.Width, v.FileName))),
            StringComparer.Ordinal);
        return ModuleRendering.Render(renderer, parsed.Value!, revision.Cover, images);
    }
}
