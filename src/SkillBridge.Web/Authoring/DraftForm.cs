using System.ComponentModel.DataAnnotations;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Modules;

namespace SkillBridge.Web.Authoring;

/// <summary>The module editor's fields as the browser posts them.</summary>
public sealed class DraftForm
{
    [Display(Name = "Title")]
    public string Title { get; set; } = "";

    [Display(Name = "Summary")]
    public string Summary { get; set; } = "";

    [Display(Name = "Category")]
    public string? Category { get; set; }

    /// <summary>Comma-separated, as typed.</summary>
    [Display(Name = "Tags")]
    public string Tags { get; set; } = "";

    [Display(Name = "Level")]
    public ModuleLevel Level { get; set; }

    [Display(Name = "Minutes to complete")]
    public int Minutes { get; set; } = 5;

    [Display(Name = "Cover image")]
    public string? Cover { get; set; }

    [Display(Name = "Authors")]
    public string Authors { get; set; } = "";

    [Display(Name = "Module text")]
    public string Body { get; set; } = "";

    /// <summary>The draft version the editor started from; a save from an older one is a conflict.</summary>
    public int Version { get; set; }

    public DraftContent ToContent() => new(
        Title ?? "",
        Summary ?? "",
        Category,
        Split(Tags),
        Level,
        Minutes,
        Cover,
        Body ?? "",
        Split(Authors));

    public static DraftForm From(ModuleDraft draft, string? categoryKey) => new()
    {
        Title = draft.Title,
        Summary = draft.Summary,
        Category = categoryKey,
        Tags = string.Join(", ", draft.Tags),
        Level = draft.Level,
        Minutes = draft.Minutes,
        Cover = draft.Cover,
        Authors = string.Join(", ", draft.Authors),
        Body = draft.Body,
        Version = draft.Version,
    };

    private static List<string> Split(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
