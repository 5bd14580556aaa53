using System.Globalization;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Content;

namespace SkillBridge.Web.Authoring;

/// <summary>The editor's quiz form: a question, up to five answers with "correct" ticks, and an explanation.</summary>
public sealed class QuizInput
{
    public const int MaxOptions = 5;

    /// <summary>The step to add a new quiz to.</summary>
    public int Step { get; set; } = 1;

    /// <summary>"step-index" of the quiz being edited, or empty when adding one.</summary>
    public string? Target { get; set; }

    public string Question { get; set; } = "";

    public List<OptionInput> Options { get; set; } = [.. Enumerable.Range(0, MaxOptions).Select(_ => new OptionInput())];

    public string Explanation { get; set; } = "";

    public QuizForm ToForm() => new(
        Question ?? "",
        Options.Where(o => !string.IsNullOrWhiteSpace(o.Text)).Select(o => new QuizOption(o.Text!.Trim(), o.Correct)).ToList(),
        Explanation ?? "");

    public static bool TryParseTarget(string? target, out int step, out int index)
    {
        step = index = 0;
        var parts = (target ?? "").Split('-');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out step)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out index);
    }

    /// <summary>The quiz already in the text, ready to edit; null when the text has no such quiz.</summary>
    public static QuizInput? FromDocument(string body, int step, int index)
    {
        var document = ModuleBodyParser.Parse(body, "body", 1).Value;
        var quiz = document?.Steps.ElementAtOrDefault(step - 1)?.Quizzes.ElementAtOrDefault(index);
        if (quiz is null)
        {
            return null;
        }

        var input = new QuizInput { Step = step, Target = $"{step}-{index}", Question = quiz.Question, Explanation = quiz.Explanation };
        for (var i = 0; i < Math.Min(MaxOptions, quiz.Options.Count); i++)
        {
            input.Options[i] = new OptionInput { Text = quiz.Options[i].Text, Correct = quiz.Options[i].Correct };
        }

        return input;
    }
}

public sealed class OptionInput
{
    public string? Text { get; set; }

    public bool Correct { get; set; }
}
