using SkillBridge.Core.Content;
using SkillBridge.Core.Content.Markdown;
using SkillBridge.Core.Media;

namespace SkillBridge.Core.Authoring;

/// <summary>Renders a draft exactly as the player will show it, step by step, or says why it cannot yet.</summary>
public sealed class DraftPreview(MarkdownRenderer renderer)
{
    public (RenderedModule? Module, IReadOnlyList<ContentProblem> Problems) Render(string body, string? cover, IEnumerable<DraftImage> images)
    {
        var sources = images.ToDictionary(
            i => i.Path,
            i => new ImageSource($"/media/{i.MediaFile.Sha256}{ImageFormats.ExtensionFor(i.MediaFile.ContentType)}", i.MediaFile.Width, i.MediaFile.Height),
            StringComparer.Ordinal);
        ImageSource? Resolve(string url) => sources.GetValueOrDefault(url);

        var parsed = ModuleBodyParser.Parse(body, "body", 1);
        if (parsed.Value is not { } document)
        {
            return (null, parsed.Problems);
        }

        var module = new RenderedModule(
            renderer.Render(document.Introduction, Resolve),
            document.Steps.Select(s => new RenderedStep(s.Number, s.Title, renderer.Render(s.Markdown, Resolve), s.Quizzes)).ToList(),
            cover is null ? null : Resolve(cover));
        return (module, parsed.Problems);
    }
}
