using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using YamlDotNet.RepresentationModel;

namespace SkillBridge.Core.Content;

/// <summary>
/// Splits a module's Markdown body into its introduction and steps (one per level-2 ATX heading outside code),
/// and reads the ```quiz blocks of each step. Markdig finds the headings and fences, so a "## " inside code is not a step.
/// </summary>
public static partial class ModuleBodyParser
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();
    private static readonly string[] QuizKeys = ["question", "options", "explanation"];
    private static readonly string[] QuizRequired = ["question", "options"];
    private static readonly string[] OptionKeys = ["text", "correct"];
    private static readonly string[] OptionRequired = ["text"];

    /// <param name="markdown">The body, LF line endings.</param>
    /// <param name="file">The file named in problems.</param>
    /// <param name="firstLine">The 1-based file line on which the body starts, so problems name file lines.</param>
    public static ContentParseResult<ModuleDocument> Parse(string markdown, string file, int firstLine)
    {
        var problems = new List<ContentProblem>();
        var lines = markdown.Split('\n');
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        var headings = document.OfType<HeadingBlock>().Where(h => h.Level == 2 && !h.IsSetext).ToList();
        if (headings.Count == 0)
        {
            problems.Add(new ContentProblem(file, firstLine, "module has no steps (each step starts with a '## ' heading)"));
        }

        var quizBlocks = document.Descendants<FencedCodeBlock>().Where(IsQuiz).ToList();
        var introductionEnd = headings.Count > 0 ? headings[0].Line : lines.Length;
        var introduction = Join(lines, 0, introductionEnd);
        foreach (var quiz in quizBlocks.Where(q => q.Line < introductionEnd))
        {
            problems.Add(new ContentProblem(file, firstLine + quiz.Line, "a quiz must be inside a step, after a '## ' heading"));
        }

        var steps = new List<ModuleStep>();
        for (var i = 0; i < headings.Count; i++)
        {
            var heading = headings[i];
            var end = i + 1 < headings.Count ? headings[i + 1].Line : lines.Length;
            var title = HeadingTitle(lines[heading.Line]);
            if (title.Length == 0)
            {
                problems.Add(new ContentProblem(file, firstLine + heading.Line, $"step {i + 1} has an empty title"));
            }
            else if (!SingleLineText.IsValid(title))
            {
                problems.Add(new ContentProblem(file, firstLine + heading.Line, $"step {i + 1}'s title must be a single line without control characters"));
            }

            var quizzes = new List<Quiz>();
            foreach (var block in quizBlocks.Where(q => q.Line > heading.Line && q.Line < end))
            {
                var quiz = ParseQuiz(block, quizzes.Count, file, firstLine, problems);
                if (quiz is not null)
                {
                    quizzes.Add(quiz);
                }
            }

            steps.Add(new ModuleStep(i + 1, title, Join(lines, heading.Line + 1, end), quizzes));
        }

        return new ContentParseResult<ModuleDocument>(new ModuleDocument(introduction, steps), problems);
    }

    /// <summary>Every image the Markdown names by a relative path (not a URL with a scheme), with its file line.</summary>
    public static IReadOnlyList<ImageReference> FindImages(string markdown, int firstLine)
    {
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        return document.Descendants<LinkInline>()
            .Where(link => link.IsImage && !string.IsNullOrWhiteSpace(link.Url) && !HasScheme(link.Url!))
            .Select(link => new ImageReference(link.Url!, firstLine + link.Line))
            .ToList();
    }

    internal static bool HasScheme(string url) => SchemePattern().IsMatch(url) || url.StartsWith("//", StringComparison.Ordinal);

    private static bool IsQuiz(FencedCodeBlock block) => string.Equals(block.Info, "quiz", StringComparison.Ordinal);

    private static Quiz? ParseQuiz(FencedCodeBlock block, int index, string file, int firstLine, List<ContentProblem> problems)
    {
        var before = problems.Count;
        var yaml = string.Join('\n', block.Lines.Lines.Take(block.Lines.Count).Select(l => l.Slice.ToString()));

        // The fence opens on block.Line (0-based in the body); its first YAML line is the next one.
        var source = new YamlSource(file, firstLine + block.Line, problems);
        var fenceLine = firstLine + block.Line;
        var root = source.Load(yaml, "quiz: ");
        if (root is null)
        {
            if (problems.Count == before)
            {
                source.Add(fenceLine, "quiz: the quiz block is empty");
            }

            return null;
        }

        var fields = YamlFields.Read(root, source, fenceLine, QuizKeys, QuizRequired, "quiz: ");
        if (fields is null)
        {
            return null;
        }

        var question = fields.Text("question", required: true);
        var explanation = fields.Text("explanation", multiline: true) ?? "";
        var options = new List<QuizOption>();
        var sequence = fields.Sequence("options");
        if (sequence is not null)
        {
            foreach (var item in sequence.Children)
            {
                var option = YamlFields.Read(item, source, source.LineOf(item), OptionKeys, OptionRequired, "quiz option: ");
                if (option is null)
                {
                    continue;
                }

                var text = option.Text("text", required: true);
                var correct = option.Has("correct") ? option.Boolean("correct") : false;
                if (text is not null && correct is not null)
                {
                    options.Add(new QuizOption(text, correct.Value));
                }
            }

            if (sequence.Children.Count < 2)
            {
                source.Add(fields.LineOf("options", fenceLine), "quiz: needs at least 2 options");
            }
            else if (problems.Count == before && !options.Any(o => o.Correct))
            {
                source.Add(fields.LineOf("options", fenceLine), "quiz: no option is marked 'correct: true'");
            }
        }

        return problems.Count == before && question is not null ? new Quiz(index, question, options, explanation) : null;
    }

    private static string HeadingTitle(string line) => ClosingHashes().Replace(OpeningHashes().Replace(line, ""), "").Trim();

    private static string Join(string[] lines, int start, int end) =>
        string.Join('\n', lines[start..Math.Max(start, end)]).Trim('\n');

    [GeneratedRegex(@"^ {0,3}##(?=\s|$)")]
    private static partial Regex OpeningHashes();

    [GeneratedRegex(@"(^|\s+)#+\s*$")]
    private static partial Regex ClosingHashes();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*:")]
    private static partial Regex SchemePattern();
}
