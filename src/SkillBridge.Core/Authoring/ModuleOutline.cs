using System.Text;
using Markdig;
using Markdig.Syntax;

namespace SkillBridge.Core.Authoring;

/// <summary>
/// A module's Markdown cut into the pieces the step-by-step editor shows: the introduction and each step, and within
/// them runs of text and quiz blocks. The cut is lossless: <see cref="ToBody"/> gives back exactly the text that
/// <see cref="Parse"/> read, so the stored content format never changes unless the author changes something.
/// Steps are found the way <c>ModuleBodyParser</c> finds them (level-2 "## " headings outside code), quizzes as
/// ```quiz fences.
/// </summary>
public sealed class ModuleOutline
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    /// <summary>The title a step added by the editor starts with; the author replaces it.</summary>
    public const string NewStepTitle = "New step";

    /// <summary>Section 0 is the introduction (no heading); section n is step n.</summary>
    public List<OutlineSection> Sections { get; }

    public ModuleOutline(List<OutlineSection> sections) => Sections = sections;

    public int StepCount => Sections.Count - 1;

    public static ModuleOutline Parse(string body)
    {
        body = body.Replace("\r\n", "\n", StringComparison.Ordinal);
        var lines = SplitLines(body);
        var document = Markdig.Markdown.Parse(body, Pipeline);
        var headingLines = document.OfType<HeadingBlock>().Where(h => h.Level == 2 && !h.IsSetext).Select(h => h.Line).ToHashSet();
        var quizzes = document.OfType<FencedCodeBlock>().Where(f => f.Info == "quiz")
            .ToDictionary(f => f.Line, f => LineOf(lines, f.Span.End));

        var sections = new List<OutlineSection> { new("", []) };
        var text = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            if (headingLines.Contains(i))
            {
                Flush(sections[^1], text);
                sections.Add(new OutlineSection(lines[i], []));
            }
            else if (quizzes.TryGetValue(i, out var last) && sections.Count > 1)
            {
                Flush(sections[^1], text);
                sections[^1].Parts.Add(OutlinePart.QuizFence(string.Concat(lines.Skip(i).Take(last - i + 1))));
                i = last;
            }
            else
            {
                text.Append(lines[i]);
            }
        }

        Flush(sections[^1], text);
        return new ModuleOutline(sections);
    }

    public string ToBody() => string.Concat(Sections.Select(s => s.ToMarkdown()));

    /// <summary>Adds an empty step after step <paramref name="after"/> (0: before the first step).</summary>
    public ModuleOutline AddStep(int after)
    {
        after = Math.Clamp(after, 0, StepCount);
        EndWithBlankLine(Sections[after]);
        var step = new OutlineSection($"## {NewStepTitle}\n", [OutlinePart.Prose("", NewModuleTemplate.NewStepText, after < StepCount ? "\n\n" : "\n")]);
        Sections.Insert(after + 1, step);
        return this;
    }

    /// <summary>Moves step <paramref name="number"/> one place up (-1) or down (+1); false when it cannot move that way.</summary>
    public bool MoveStep(int number, int by)
    {
        var other = number + by;
        if (number < 1 || number > StepCount || other < 1 || other > StepCount)
        {
            return false;
        }

        var wasLast = Math.Max(number, other) == StepCount;
        EndWithBlankLine(Sections[number]);
        EndWithBlankLine(Sections[other]);
        (Sections[number], Sections[other]) = (Sections[other], Sections[number]);
        if (wasLast)
        {
            EndWithOneNewline(Sections[^1]);
        }

        return true;
    }

    /// <summary>Adds Markdown (an image) at the end of the text of step <paramref name="number"/>, before a quiz that ends it.</summary>
    public bool AddToStepText(int number, string markdown)
    {
        if (number < 1 || number > StepCount)
        {
            return false;
        }

        var parts = Sections[number].Parts;
        var index = parts.FindLastIndex(p => !p.IsQuiz);
        if (index < 0)
        {
            parts.Insert(0, OutlinePart.Prose("", markdown, "\n\n"));
            return true;
        }

        var part = parts[index];
        var trail = part.Trail.Length == 0 ? (index == parts.Count - 1 && number == StepCount ? "\n" : "\n\n") : part.Trail;
        var lead = part.Text.Length == 0 && part.Lead.Length == 0 ? "" : part.Lead;
        parts[index] = OutlinePart.Prose(lead, part.Text.Length == 0 ? markdown : part.Text + "\n\n" + markdown, trail);
        return true;
    }

    private static void EndWithBlankLine(OutlineSection section)
    {
        if (section.Parts.Count == 0 || section.Parts[^1].IsQuiz)
        {
            section.Parts.Add(OutlinePart.Prose(section.Parts.Count == 0 && !section.Heading.EndsWith('\n') ? "\n" : "", "", ""));
        }

        var last = section.Parts[^1];
        var markdown = section.ToMarkdown();
        if (markdown.Length == 0 || markdown.EndsWith("\n\n", StringComparison.Ordinal))
        {
            return;
        }

        section.Parts[^1] = last with { Trail = last.Trail + (markdown.EndsWith('\n') ? "\n" : "\n\n") };
    }

    private static void EndWithOneNewline(OutlineSection section)
    {
        if (section.Parts.Count > 0 && !section.Parts[^1].IsQuiz)
        {
            var last = section.Parts[^1];
            section.Parts[^1] = last with { Trail = last.Text.Length == 0 && last.Lead.Length == 0 ? last.Trail.TrimEnd('\n') + "\n" : "\n" };
        }
    }

    private static void Flush(OutlineSection section, StringBuilder text)
    {
        if (text.Length > 0)
        {
            section.Parts.Add(OutlinePart.FromText(text.ToString()));
            text.Clear();
        }
    }

    /// <summary>The 0-based line holding character <paramref name="index"/>.</summary>
    private static int LineOf(List<string> lines, int index)
    {
        var start = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            start += lines[i].Length;
            if (index < start)
            {
                return i;
            }
        }

        return lines.Count - 1;
    }

    private static List<string> SplitLines(string body)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == '\n')
            {
                lines.Add(body[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < body.Length)
        {
            lines.Add(body[start..]);
        }

        return lines;
    }
}

/// <summary>The introduction (empty heading) or a step: its heading line as written, then its parts.</summary>
public sealed record OutlineSection(string Heading, List<OutlinePart> Parts)
{
    /// <summary>The step's title as the player shows it.</summary>
    public string Title => TitleOf(Heading);

    public string ToMarkdown() => Heading + string.Concat(Parts.Select(p => p.ToMarkdown()));

    /// <summary>The heading line for <paramref name="title"/>: the one written if the title did not change, so nothing moves.</summary>
    public static string HeadingFor(string writtenHeading, string title)
    {
        title = title.Trim();
        if (writtenHeading.Length == 0 || TitleOf(writtenHeading) == title)
        {
            return writtenHeading;
        }

        return "## " + title + (writtenHeading.EndsWith('\n') ? "\n" : "");
    }

    private static string TitleOf(string heading) =>
        heading.Trim().TrimStart('#').TrimEnd('#').Trim();
}

/// <summary>
/// A run of text (shown in a text box without its surrounding blank lines, which are kept aside) or a quiz block
/// (kept exactly as written; the quiz form edits it).
/// </summary>
public sealed record OutlinePart(bool IsQuiz, string Lead, string Text, string Trail)
{
    public static OutlinePart QuizFence(string fence) => new(true, "", fence, "");

    public static OutlinePart Prose(string lead, string text, string trail) => new(false, lead, text, trail);

    /// <summary>Splits off the blank lines before the first and the white space after the last visible character.</summary>
    public static OutlinePart FromText(string text)
    {
        var firstVisible = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                firstVisible = i;
                break;
            }
        }

        if (firstVisible < 0)
        {
            return new(false, text, "", "");
        }

        var lineStart = text.LastIndexOf('\n', firstVisible) + 1;
        var end = text.Length;
        while (end > lineStart && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return new(false, text[..lineStart], text[lineStart..end], text[end..]);
    }

    public string ToMarkdown() => Lead + Text + Trail;
}
