using SkillBridge.Core.Content;
using SkillBridge.Core.Modules;
using SkillBridge.Core.Progress;

namespace SkillBridge.Core.Player;

public enum QuizStatus
{
    Answered,
    NotFound,
    InvalidAnswer,
    NotAnsweredYet,
}

/// <summary>The outcome of answering a quiz or asking to see its answer: a <see cref="QuizResult"/>, or why there is none.</summary>
public sealed record QuizOutcome(QuizStatus Status, QuizResult? Result = null, string? Problem = null)
{
    public const string AnswerFirstMessage = "Answer the question first, then you can see the answer.";
}

/// <summary>
/// Answering quizzes in the player, for the page and the JSON API alike. For signed-in learners the stored answer
/// decides what is revealed (how many times they answered, whether they asked to see the answer), so a reload or the
/// API never shows more than the page. Anonymous visitors have nothing stored: the page tells whether they answered
/// before (it only saves them pressing "Show the answer").
/// </summary>
public sealed class QuizService(ProgressService progress)
{
    public async Task<QuizOutcome> AnswerAsync(
        string? learnerId, PublishedModule module, RenderedModule rendered, int step, int quiz, IReadOnlyCollection<int> selected, bool answeredBefore, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rendered);
        if (FindQuiz(rendered, step, quiz) is not { } shown)
        {
            return new QuizOutcome(QuizStatus.NotFound);
        }

        var grade = QuizGrader.Grade(shown, selected);
        if (grade.Feedback is not { } answer)
        {
            return new QuizOutcome(QuizStatus.InvalidAnswer, Problem: grade.ProblemMessage);
        }

        if (learnerId is null)
        {
            return new QuizOutcome(QuizStatus.Answered, QuizResult.For(shown, answer.Selected, answer.IsCorrect, answeredBefore ? 1 : 0, answerShown: false));
        }

        var stored = await progress.RecordAnswerAsync(learnerId, module, rendered, step, quiz, answer, cancellationToken);
        return new QuizOutcome(QuizStatus.Answered, stored.ToResult(shown));
    }

    /// <summary>"Show the answer": records that the learner gave up on the quiz (after answering it) and reveals the right options and the explanation.</summary>
    public async Task<QuizOutcome> ShowAnswerAsync(
        string? learnerId, PublishedModule module, RenderedModule rendered, int step, int quiz, IReadOnlyCollection<int> selected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(rendered);
        if (FindQuiz(rendered, step, quiz) is not { } shown)
        {
            return new QuizOutcome(QuizStatus.NotFound);
        }

        if (learnerId is null)
        {
            var feedback = QuizGrader.Grade(shown, selected).Feedback;
            return new QuizOutcome(QuizStatus.Answered, QuizResult.For(shown, feedback?.Selected ?? [], feedback?.IsCorrect ?? false, 0, answerShown: true));
        }

        return await progress.RecordAnswerShownAsync(learnerId, module.RevisionId, step, quiz, cancellationToken) is { } stored
            ? new QuizOutcome(QuizStatus.Answered, stored.ToResult(shown))
            : new QuizOutcome(QuizStatus.NotAnsweredYet, Problem: QuizOutcome.AnswerFirstMessage);
    }

    /// <summary>The learner's stored answers to the step's quizzes, by quiz index, as the page shows them after a reload.</summary>
    public async Task<IReadOnlyDictionary<int, QuizResult>> LatestAnswersAsync(string learnerId, PublishedModule module, RenderedStep step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(step);
        if (step.Quizzes.Count == 0)
        {
            return new Dictionary<int, QuizResult>();
        }

        var stored = await progress.StoredAnswersAsync(learnerId, module.RevisionId, step.Number, cancellationToken);
        return stored
            .Where(a => a.QuizIndex < step.Quizzes.Count)
            .ToDictionary(a => a.QuizIndex, a => a.ToResult(step.Quizzes[a.QuizIndex]));
    }

    private static Quiz? FindQuiz(RenderedModule rendered, int step, int quiz) =>
        rendered.Step(step) is { } shown && quiz >= 0 && quiz < shown.Quizzes.Count ? shown.Quizzes[quiz] : null;
}
