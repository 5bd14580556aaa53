using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SkillBridge.Core.Content;

namespace SkillBridge.Core.Authoring;

/// <summary>
/// The rules a draft must meet: a light set for every save (so nothing typed is ever lost to a rule) and the full
/// content-format rules before it can be submitted for review, the same ones import applies.
/// </summary>
public static class DraftValidator
{
    public const int MaxTitleLength = 200;
    public const int MaxSummaryLength = 500;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    public static List<DraftProblem> CheckForSave(DraftContent content)
    {
        var problems = new List<DraftProblem>();
        if (string.IsNullOrWhiteSpace(content.Title))
        {
            problems.Add(new("Title", "Give the module a title."));
        }
        else if (content.Title.Length > MaxTitleLength)
        {
            problems.Add(new("Title", $"Keep the title under {MaxTitleLength} characters."));
        }
        else if (!SingleLineText.IsValid(content.Title))
        {
            problems.Add(new("Title", SingleLineText.Problem("The title")));
        }

        if (content.Summary.Length > MaxSummaryLength)
        {
            problems.Add(new("Summary", $"Keep the summary under {MaxSummaryLength} characters."));
        }
        else if (!SingleLineText.IsValid(content.Summary))
        {
            problems.Add(new("Summary", SingleLineText.Problem("The summary")));
        }

        if (!SingleLineText.AreValid(content.Tags))
        {
            problems.Add(new("Tags", SingleLineText.Problem("Each tag")));
        }

        foreach (var line in StepTitleLinesWithControlCharacters(content.Body))
        {
            problems.Add(new("Body", $"Line {line}: {SingleLineText.Problem("A step title")}"));
        }

        if (content.Minutes is < 0 or > 240)
        {
            problems.Add(new("Minutes", "Minutes must be between 1 and 240."));
        }

        return problems;
    }

    /// <param name="knownCategories">Category keys that exist.</param>
    /// <param name="knownPeople">Usernames that exist.</param>
    /// <param name="uploadedImages">Image paths uploaded into the draft.</param>
    public static List<DraftProblem> CheckForSubmit(DraftContent content, ISet<string> knownCategories, ISet<string> knownPeople, ISet<string> uploadedImages)
    {
        var problems = CheckForSave(content);
        if (string.IsNullOrWhiteSpace(content.Summary))
        {
            problems.Add(new("Summary", "Write a one-sentence summary: learners see it on the module's card."));
        }

        if (string.IsNullOrEmpty(content.CategoryKey) || !knownCategories.Contains(content.CategoryKey))
        {
            problems.Add(new("Category", "Choose a category."));
        }

        if (content.Minutes < 1)
        {
            problems.Add(new("Minutes", "Say roughly how many minutes the module takes."));
        }

        if (content.Authors.Count == 0)
        {
            problems.Add(new("Authors", "Name at least one author."));
        }

        foreach (var unknown in content.Authors.Where(a => !knownPeople.Contains(a)))
        {
            problems.Add(new("Authors", $"There is nobody called '{unknown}' on SkillBridge."));
        }

        foreach (var (line, placeholder) in PlaceholderLines(content.Body))
        {
            problems.Add(new("Body", $"Line {line}: “{placeholder}” is the new-module template's placeholder. Replace it with your own words."));
        }

        var parsed = ModuleBodyParser.Parse(content.Body, "body", 1);
        problems.AddRange(parsed.Problems.Select(p => new DraftProblem("Body", $"Line {p.Line}: {p.Message}")));

        foreach (var image in Images(content.Body))
        {
            if (string.IsNullOrWhiteSpace(image.Alt))
            {
                problems.Add(new("Body", $"Line {image.Line}: describe the image {image.Url} in its alt text (between the square brackets), for learners who cannot see it."));
            }

            if (!IsExternal(image.Url) && !uploadedImages.Contains(image.Url))
            {
                problems.Add(new("Body", $"Line {image.Line}: the image {image.Url} has not been uploaded to this module."));
            }
        }

        if (!string.IsNullOrEmpty(content.Cover) && !uploadedImages.Contains(content.Cover))
        {
            problems.Add(new("Cover", "The cover image has not been uploaded to this module."));
        }

        return problems;
    }

    /// <summary>Every image in the Markdown with its alt text and 1-based line.</summary>
    public static IEnumerable<(string Url, string Alt, int Line)> Images(string markdown) =>
        Markdig.Markdown.Parse(markdown, Pipeline)
            .Descendants<LinkInline>()
            .Where(link => link.IsImage)
            .Select(link => (link.Url ?? "", string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString())), link.Line + 1));

    /// <summary>1-based lines that still hold one of <see cref="NewModuleTemplate.Placeholders"/>.</summary>
    private static IEnumerable<(int Line, string Placeholder)> PlaceholderLines(string body) =>
        body.Split('\n')
            .Select((line, index) => (Text: line, Number: index + 1))
            .SelectMany(l => NewModuleTemplate.Placeholders.Where(p => l.Text.Contains(p, StringComparison.OrdinalIgnoreCase)).Select(p => (l.Number, p)));

    /// <summary>1-based lines of "## " step headings that hold a control character (a CR before the line's end aside).</summary>
    private static IEnumerable<int> StepTitleLinesWithControlCharacters(string body) =>
        body.Split('\n')
            .Select((line, index) => (Line: line.TrimEnd('\r'), Number: index + 1))
            .Where(l => l.Line.TrimStart(' ').StartsWith("##", StringComparison.Ordinal) && !SingleLineText.IsValid(l.Line))
            .Select(l => l.Number);

    private static bool IsExternal(string url) => url.Contains(':', StringComparison.Ordinal) || url.StartsWith("//", StringComparison.Ordinal);
}
