using SkillBridge.Core.Content;

namespace SkillBridge.Core.Player;

/// <summary>
/// What a learner is shown about their answer to one quiz (design.md's quiz rule): a right answer shows the
/// explanation; a wrong first answer only says it is wrong and offers "Try again"; the right options and the
/// explanation come after a second answer or "Show the answer". <see cref="CorrectOptions"/> and
/// <see cref="Explanation"/> are null until then, so nothing that is sent to the browser gives the answer away.
/// </summary>
public sealed record QuizResult(
    IReadOnlyList<int> Selected,
    bool IsCorrect,
    int Retries,
    bool AnswerShown,
    IReadOnlyList<int>? CorrectOptions,
    string? Explanation)
{
    public bool IsAnswerRevealed => CorrectOptions is not null;

    /// <summary>A wrong answer whose right options are still hidden: the learner can try again or ask to see the answer.</summary>
    public bool CanTryAgain => !IsAnswerRevealed;

    public string Verdict => IsCorrect ? "Correct." : Selected.Count == 0 ? "Here is the answer." : "Not quite: that answer is wrong.";

    public static QuizResult For(Quiz quiz, IReadOnlyList<int> selected, bool isCorrect, int retries, bool answerShown)
    {
        ArgumentNullException.ThrowIfNull(quiz);
        var revealed = isCorrect || retries > 0 || answerShown;
        IReadOnlyList<int> correct = [.. quiz.Options.Select((option, index) => (option, index)).Where(x => x.option.Correct).Select(x => x.index)];
        return new QuizResult(selected, isCorrect, retries, answerShown, revealed ? correct : null, revealed ? quiz.Explanation : null);
    }
}
