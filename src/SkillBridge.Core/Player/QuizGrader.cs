using SkillBridge.Core.Content;

namespace SkillBridge.Core.Player;

/// <summary>What a learner is told after answering: right or wrong, which options were right, and why.</summary>
public sealed record QuizFeedback(bool IsCorrect, IReadOnlyList<int> Selected, IReadOnlyList<int> CorrectOptions, string Explanation);

public enum QuizAnswerProblem
{
    NothingSelected,
    UnknownOption,
    OnlyOneAllowed,
}

public sealed record QuizGrade(QuizFeedback? Feedback, QuizAnswerProblem? Problem)
{
    public string? ProblemMessage => Problem switch
    {
        QuizAnswerProblem.NothingSelected => "Choose an answer first.",
        QuizAnswerProblem.UnknownOption => "That answer is not one of the options. Reload the page and try again.",
        QuizAnswerProblem.OnlyOneAllowed => "This question has one right answer: choose just one option.",
        _ => null,
    };
}

/// <summary>
/// Marks an answer (design.md): a single-choice question is right when its one correct option is chosen; a
/// choose-all-that-apply question is right only when exactly the correct options are chosen.
/// </summary>
public static class QuizGrader
{
    public static QuizGrade Grade(Quiz quiz, IReadOnlyCollection<int> selected)
    {
        var chosen = selected.Distinct().Order().ToList();
        if (chosen.Count == 0)
        {
            return new QuizGrade(null, QuizAnswerProblem.NothingSelected);
        }

        if (chosen.Any(i => i < 0 || i >= quiz.Options.Count))
        {
            return new QuizGrade(null, QuizAnswerProblem.UnknownOption);
        }

        if (!quiz.AllowsSeveral && chosen.Count > 1)
        {
            return new QuizGrade(null, QuizAnswerProblem.OnlyOneAllowed);
        }

        var correct = quiz.Options.Select((option, index) => (option, index)).Where(x => x.option.Correct).Select(x => x.index).ToList();
        return new QuizGrade(new QuizFeedback(chosen.SequenceEqual(correct), chosen, correct, quiz.Explanation), null);
    }
}
