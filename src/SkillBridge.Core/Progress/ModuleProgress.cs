namespace SkillBridge.Core.Progress;

/// <summary>
/// One learner's way through one module revision: when they started, the last step they were on and, once every
/// step was seen and every quiz answered, when they completed it. Written only through <see cref="ProgressService"/>'s
/// insert-or-ignore statements, so a double click or two tabs never make a second row.
/// </summary>
public sealed class ModuleProgress
{
    public int Id { get; set; }

    /// <summary>The learner's account; null once the account is deleted, so the counts stay.</summary>
    public string? UserId { get; set; }

    /// <summary>The learner's person, kept when the account is deleted; reports count people by it.</summary>
    public int? PersonId { get; set; }

    /// <summary>The learner's department at the time they started the module; reports group by it instead of reading the history.</summary>
    public int? DepartmentId { get; set; }

    public int ModuleId { get; set; }

    public int RevisionId { get; set; }

    /// <summary>The revision's step count, fixed like the revision itself, so "step 3 of 5" needs no rendering.</summary>
    public int StepCount { get; set; }

    /// <summary>How many quizzes the revision has; the completion rule needs every one answered.</summary>
    public int QuizCount { get; set; }

    public DateTime StartedAt { get; set; }

    /// <summary>When the learner last reached a step or answered a quiz.</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>The step the learner was on last (1-based); reopening the module resumes there.</summary>
    public int LastStep { get; set; }

    /// <summary>Set once, when every step was seen and every quiz answered; never cleared.</summary>
    public DateTime? CompletedAt { get; set; }
}

/// <summary>A step a learner reached, once per progress row and step.</summary>
public sealed class StepVisit
{
    public int ProgressId { get; set; }

    public int StepNumber { get; set; }

    public DateTime VisitedAt { get; set; }
}

/// <summary>
/// A learner's latest answer to one quiz; answering again replaces it. The right options and the explanation are shown
/// once the answer is right, the learner answered again (<see cref="Retries"/>) or asked to be shown the answer
/// (<see cref="AnswerShown"/>), so a reload after a wrong first answer does not give the answer away (design.md).
/// </summary>
public sealed class QuizAnswer
{
    public int ProgressId { get; set; }

    public int StepNumber { get; set; }

    /// <summary>The quiz's index within its step.</summary>
    public int QuizIndex { get; set; }

    /// <summary>The chosen options, comma-separated indexes in order ("0,2").</summary>
    public required string Selected { get; set; }

    public bool IsCorrect { get; set; }

    public DateTime AnsweredAt { get; set; }

    /// <summary>How many times the learner answered again after their first answer.</summary>
    public int Retries { get; set; }

    /// <summary>The learner gave up and chose "Show the answer".</summary>
    public bool AnswerShown { get; set; }
}
