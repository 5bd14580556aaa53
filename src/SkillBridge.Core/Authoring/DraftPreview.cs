using Microsoft.Extensions.Options;
using SkillBridge.Core.Content;
using SkillBridge.Core.Content.Markdown;

namespace SkillBridge.Core.Authoring;

/// <summary>Renders a draft exactly as the player will show it, step by step, or says why it cannot yet.</summary>
public sealed class DraftPreview(MarkdownRenderer renderer, IOptions<SkillBridgeOptions> options)
{
    public (RenderedModule? Module, IReadOnlyList<ContentProblem> Problems) Render(string body, string? cover, IEnumerable<DraftImage> images)
    {
        var parsed = ModuleBodyParser.Parse(body, "body", 1);
        var problems = parsed.Problems
            .Concat(ExternalImages.FindRefused(body, 1, options.Value.Content.ImageHosts()).Select(image => new ContentProblem("body", image.Line, ExternalImages.Problem(image.Url))))
            .ToList();
        if (parsed.Value is not { } document)
        {
            return (null, problems);
        }

        var sources = images.ToDictionary(
            i => i.Path,
            i => ModuleRendering.Source(i.MediaFile.Sha256, i.MediaFile.ContentType, i.MediaFile.Width, i.MediaFile.Height, i.MediaFile.Variants.Select(v => (v.Width, v.FileName))),
            StringComparer.Ordinal);
        return (ModuleRendering.Render(renderer, document, cover, sources), problems);
    }
}
