using System.Text.Json;
using SkillBridge.Core.Modules;

namespace SkillBridge.Core.Authoring;

/// <summary>A module's content as a curator saw it: a draft in review, a published revision, or a stored snapshot.</summary>
public sealed record ReviewedContent(
    string Title,
    string Summary,
    string Category,
    IReadOnlyList<string> Tags,
    ModuleLevel Level,
    int Minutes,
    string? Cover,
    IReadOnlyList<string> Authors,
    string Body)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ReviewedContent Of(ModuleDraft draft, string categoryKey)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new(draft.Title, draft.Summary, categoryKey, [.. draft.Tags], draft.Level, draft.Minutes, draft.Cover, [.. draft.Authors], draft.Body);
    }

    /// <summary>Needs the revision's category, tags and authors (with their people) loaded.</summary>
    public static ReviewedContent Of(ModuleRevision revision)
    {
        ArgumentNullException.ThrowIfNull(revision);
        return new(
            revision.Title,
            revision.Summary,
            revision.Category.Key,
            [.. revision.Tags.Select(t => t.Tag)],
            revision.Level,
            revision.Minutes,
            revision.Cover,
            [.. revision.Authors.OrderBy(a => a.Position).Select(a => a.Person.Username)],
            revision.Body);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ReviewedContent? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<ReviewedContent>(json, Json);
}
