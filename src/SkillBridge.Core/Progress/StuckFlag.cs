namespace SkillBridge.Core.Progress;

/// <summary>"I got stuck on this step": one per learner, revision and step, with an optional short note for the authors.</summary>
public sealed class StuckFlag
{
    public const int MaxNoteLength = 300;

    public int Id { get; set; }

    /// <summary>Null once the account is deleted; the flag still counts.</summary>
    public string? UserId { get; set; }

    /// <summary>The learner's person, kept when the account is deleted; reports count people by it.</summary>
    public int? PersonId { get; set; }

    /// <summary>The learner's department at the time they first flagged the step; reports group by it instead of reading the history.</summary>
    public int? DepartmentId { get; set; }

    public int ModuleId { get; set; }

    public int RevisionId { get; set; }

    public int StepNumber { get; set; }

    public string? Note { get; set; }

    public DateTime FlaggedAt { get; set; }
}
