namespace SkillBridge.Core.Progress;

/// <summary>"I got stuck on this step": one per learner, revision and step, with an optional short note for the authors.</summary>
public sealed class StuckFlag
{
    public const int MaxNoteLength = 300;

    public int Id { get; set; }

    /// <summary>Null once the account is deleted; the flag still counts.</summary>
    public string? UserId { get; set; }

    public int ModuleId { get; set; }

    public int RevisionId { get; set; }

    public int StepNumber { get; set; }

    public string? Note { get; set; }

    public DateTime FlaggedAt { get; set; }
}
