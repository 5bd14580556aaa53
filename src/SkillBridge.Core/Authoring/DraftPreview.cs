using SkillBridge.Core.Content;
using SkillBridge.Core.Content.Markdown;

namespace SkillBridge.Core.Authoring;

/// <summary>Renders a draft exactly as the player will show it, step by step, or says why it cannot yet.</summary>
public sealed class DraftPreview(MarkdownRenderer renderer)
{
    public (RenderedModule? Module, IReadOnlyList<ContentProblem> Problems) Render(string body, string? cover, IEnumerable<DraftImage> images)
    {
        var parsed = ModuleBodyParser.Parse(body, "body", 1);
        if (parsed.Value is not { } document)
        {
            return (null, parsed.Problems);
        }

        var sources = images.ToDictionary(
            i => i.Path,
            i => ModuleRendering.Source(i.MediaFile.Sha256, i.MediaFile.ContentType, i.MediaFile.Width, i.MediaFile.Height, i.MediaFile.Variants.Select(v => (v.Width, v.FileName))),
            StringComparer.Ordinal);
        return (ModuleRendering.Render(renderer, document, cover, sources), parsed.Problems);
    }
}
