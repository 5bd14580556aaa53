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

    /// <summary>"markdown" when the author edits the whole text at once; otherwise the step-by-step fields below hold it.</summary>
    public string? Mode { get; set; }

    /// <summary>The text in the step-by-step editor: the introduction, then one entry per step.</summary>
    public List<SectionInput> Sections { get; set; } = [];

    public bool IsStepByStep => Mode == StepByStep;

    public const string StepByStep = "steps";

    public const string Markdown = "markdown";

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
        ComposeBody(),
        Split(Authors));

    /// <summary>The Markdown the author means: the step-by-step fields put back together, or the text as typed.</summary>
    public string ComposeBody() => IsStepByStep && Sections.Count > 0
        ? new ModuleOutline(Sections.Select(s => s.ToSection()).ToList()).ToBody().Replace("\r\n", "\n", StringComparison.Ordinal)
        : Body ?? "";

    /// <summary>Fills the step-by-step fields from <paramref name="body"/>.</summary>
    public void ShowStepByStep(string body)
    {
        Mode = StepByStep;
        Body = body;
        Sections = ModuleOutline.Parse(body).Sections.Select(SectionInput.From).ToList();
    }

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

/// <summary>The introduction (section 0) or a step in the step-by-step editor.</summary>
public sealed class SectionInput
{
    /// <summary>The heading line as written (escaped, <see cref="Hidden"/>), so an unchanged title keeps its exact Markdown.</summary>
    public string? Heading { get; set; }

    public string? Title { get; set; }

    public List<PartInput> Parts { get; set; } = [];

    public OutlineSection ToSection() => new(
        OutlineSection.HeadingFor(Hidden.Read(Heading), Title ?? ""),
        Parts.Select(p => new OutlinePart(p.Quiz, Hidden.Read(p.Lead), p.Quiz ? Hidden.Read(p.Text) : p.Text ?? "", Hidden.Read(p.Trail))).ToList());

    public static SectionInput From(OutlineSection section) => new()
    {
        Heading = Hidden.Write(section.Heading),
        Title = section.Title,
        Parts = section.Parts.Select(p => new PartInput { Quiz = p.IsQuiz, Lead = Hidden.Write(p.Lead), Text = p.IsQuiz ? Hidden.Write(p.Text) : p.Text, Trail = Hidden.Write(p.Trail) }).ToList(),
    };
}

/// <summary>
/// Hidden fields carry text exactly (line breaks, blank lines) only when escaped: browsers and parsers may strip line
/// breaks from input values. Percent-encoding keeps every character.
/// </summary>
public static class Hidden
{
    public static string Write(string text) => Uri.EscapeDataString(text);

    public static string Read(string? posted) => Uri.UnescapeDataString(posted ?? "");
}

/// <summary>
/// A run of text (a text box) or a quiz block (kept as written, edited with the quiz form). Lead, Trail and a quiz's
/// Text travel in hidden fields, escaped (<see cref="Hidden"/>).
/// </summary>
public sealed class PartInput
{
    public bool Quiz { get; set; }

    public string? Lead { get; set; }

    public string? Text { get; set; }

    public string? Trail { get; set; }
}
