using System.Text;
using Markdig;
using Markdig.Syntax;
using SkillBridge.Core.Content;

namespace SkillBridge.Core.Authoring;

/// <summary>A quiz as the editor's form holds it, so authors never type YAML.</summary>
public sealed record QuizForm(string Question, IReadOnlyList<QuizOption> Options, string Explanation)
{
    public IReadOnlyList<DraftProblem> Check()
    {
        var problems = new List<DraftProblem>();
        if (string.IsNullOrWhiteSpace(Question))
        {
            problems.Add(new("Question", "Write the question."));
        }
        else if (!SingleLineText.IsValid(Question))
        {
            problems.Add(new("Question", SingleLineText.Problem("The question")));
        }

        if (Options.Count < 2)
        {
            problems.Add(new("Options", "Give at least two answers to choose from."));
        }

        if (!SingleLineText.AreValid(Options.Select(o => o.Text)))
        {
            problems.Add(new("Options", SingleLineText.Problem("Each answer")));
        }

        if (!Options.Any(o => o.Correct))
        {
            problems.Add(new("Options", "Tick at least one answer as correct."));
        }

        if (string.IsNullOrWhiteSpace(Explanation))
        {
            problems.Add(new("Explanation", "Explain the right answer: learners see it after answering."));
        }

        return problems;
    }
}

/// <summary>Writes quiz blocks into a module's Markdown: adds one to a step or replaces an existing one in place.</summary>
public static class QuizWriter
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    public static string ToFence(QuizForm quiz)
    {
        var text = new StringBuilder("```quiz\n");
        text.Append("question: ").Append(YamlText.Scalar(quiz.Question.Trim())).Append('\n');
        text.Append("options:\n");
        foreach (var option in quiz.Options)
        {
            text.Append("  - text: ").Append(YamlText.Scalar(option.Text.Trim())).Append('\n');
            if (option.Correct)
            {
                text.Append("    correct: true\n");
            }
        }

        text.Append("explanation: ").Append(YamlText.Scalar(quiz.Explanation.Trim())).Append('\n');
        return text.Append("```").ToString();
    }

    /// <summary>Adds the quiz at the end of step <paramref name="stepNumber"/>; null when there is no such step.</summary>
    public static string? AddToStep(string body, int stepNumber, QuizForm quiz)
    {
        var headings = StepHeadings(body);
        if (stepNumber < 1 || stepNumber > headings.Count)
        {
            return null;
        }

        var end = stepNumber < headings.Count ? headings[stepNumber].Span.Start : body.Length;
        var before = body[..end].TrimEnd();
        var after = body[end..];
        return before + "\n\n" + ToFence(quiz) + "\n" + (after.Length > 0 ? "\n" + after : "");
    }

    /// <summary>Replaces quiz <paramref name="quizIndex"/> (0-based) of step <paramref name="stepNumber"/>; null when it does not exist.</summary>
    public static string? Replace(string body, int stepNumber, int quizIndex, QuizForm quiz)
    {
        var fence = QuizBlocks(body).FirstOrDefault(q => q.Step == stepNumber && q.Index == quizIndex).Block;
        if (fence is null)
        {
            return null;
        }

        return body[..fence.Span.Start] + ToFence(quiz) + body[(fence.Span.End + 1)..];
    }

    private static List<HeadingBlock> StepHeadings(string body) =>
        Markdig.Markdown.Parse(body, Pipeline).OfType<HeadingBlock>().Where(h => h.Level == 2).ToList();

    private static IEnumerable<(int Step, int Index, FencedCodeBlock Block)> QuizBlocks(string body)
    {
        var step = 0;
        var index = 0;
        foreach (var block in Markdig.Markdown.Parse(body, Pipeline))
        {
            if (block is HeadingBlock { Level: 2 })
            {
                step++;
                index = 0;
            }
            else if (block is FencedCodeBlock fenced && fenced.Info == "quiz" && step > 0)
            {
                yield return (step, index++, fenced);
            }
        }
    }
}
