using SkillBridge.Core.Content;
using SkillBridge.Core.Player;

namespace SkillBridge.Core.Progress;

/// <summary>Where a learner stands with a module, for the module page.</summary>
/// <param name="ResumeStep">The step to continue at, or null when the learner never started the module.</param>
/// <param name="CompletedAt">When the learner completed the revision shown now, if they did.</param>
/// <param name="CompletedEarlierAt">When the learner completed an older revision, if they did and have not completed the one shown now.</param>
public sealed record ModuleState(int? ResumeStep, DateTime? CompletedAt, DateTime? CompletedEarlierAt)
{
    public static readonly ModuleState NotStarted = new(null, null, null);
}

public sealed record MissingStep(int Number, string Title);

public sealed record UnansweredQuiz(int StepNumber, string StepTitle, string Question);

/// <summary>What the finish page tells the learner: completed (and when), or which steps and quizzes are left.</summary>
public sealed record FinishOutcome(DateTime? CompletedAt, IReadOnlyList<MissingStep> MissingSteps, IReadOnlyList<UnansweredQuiz> UnansweredQuizzes)
{
    public bool IsCompleted => CompletedAt is not null;
}

/// <summary>A module the learner started and has not completed (in its latest revision they took).</summary>
/// <param name="IsCurrentRevision">False when the module was republished since; the module page then resumes in the new revision.</param>
public sealed record InProgressModule(string Slug, string Title, int LastStep, int StepCount, DateTime UpdatedAt, bool IsCurrentRevision);

/// <summary>A module the learner completed; <paramref name="UpdatedSince"/> when a newer revision is published now.</summary>
public sealed record CompletedModule(string Slug, string Title, DateTime CompletedAt, int? Stars, bool UpdatedSince, bool IsPublished);

public sealed record MyLearning(IReadOnlyList<InProgressModule> InProgress, IReadOnlyList<CompletedModule> Completed)
{
    public bool IsEmpty => InProgress.Count == 0 && Completed.Count == 0;
}

/// <summary>A learner's stored answer to one quiz, with what decides whether its right options may be shown.</summary>
public sealed record StoredQuizAnswer(int QuizIndex, IReadOnlyList<int> Selected, bool IsCorrect, int Retries, bool AnswerShown)
{
    public QuizResult ToResult(Quiz quiz) => QuizResult.For(quiz, Selected, IsCorrect, Retries, AnswerShown);

    internal static StoredQuizAnswer From(QuizAnswer answer) => new(
        answer.QuizIndex,
        [.. answer.Selected.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))],
        answer.IsCorrect,
        answer.Retries,
        answer.AnswerShown);
}
