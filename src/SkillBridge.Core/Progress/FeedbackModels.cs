namespace SkillBridge.Core.Progress;

/// <summary>
/// A learner as authors see them: the name only when the learner lets authors see that they took their modules
/// (<see cref="Accounts.SkillBridgeUser.SharesProgressWithAuthors"/>); null otherwise, shown as "A learner".
/// </summary>
public sealed record LearnerComment(string? LearnerName, int Stars, string Comment, DateTime RatedAt);

public sealed record StuckNote(string? LearnerName, string Note);

public sealed record StuckStep(int StepNumber, string StepTitle, int Count, IReadOnlyList<StuckNote> Notes);

public sealed record NamedLearner(string Name, bool Completed);

/// <summary>What one revision's learners did: reached, completed, rated, and where they got stuck.</summary>
/// <param name="NamedLearners">Learners who share their progress with authors; the others are only counted in <paramref name="Reached"/>.</param>
public sealed record RevisionFeedback(
    int Number,
    string Title,
    bool IsPublished,
    int Reached,
    int Completions,
    double? AverageRating,
    int RatingCount,
    IReadOnlyList<NamedLearner> NamedLearners,
    IReadOnlyList<LearnerComment> Comments,
    IReadOnlyList<StuckStep> StuckSteps);

/// <summary>The author's view of a module: its revisions newest first, each with what its learners did.</summary>
public sealed record ModuleFeedback(string Slug, string Title, IReadOnlyList<RevisionFeedback> Revisions);

/// <summary>One module's figures over all its revisions, for lists such as an author's dashboard.</summary>
/// <param name="LearnersReached">Learners who reached at least one step (each counted once however many revisions they took).</param>
/// <param name="Completions">Completed progress rows: a learner who completed two revisions counts twice.</param>
public sealed record ModuleFeedbackSummary(int ModuleId, int LearnersReached, int Completions, double? AverageRating, int RatingCount, int StuckFlags);

public sealed record MyRating(int Stars, string? Comment);

public sealed record MyStuckFlag(string? Note);
