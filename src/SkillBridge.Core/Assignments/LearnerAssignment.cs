namespace SkillBridge.Core.Assignments;

/// <summary>
/// One person's share of an assignment, through one of its targets: written when the curator assigns, when the person
/// joins a targeted group or department later, and ended when they leave it or the assignment is removed. Reports and
/// "Assigned to you" read these rows; a person reached through two targets has two rows and is counted once.
/// </summary>
public sealed class LearnerAssignment
{
    public int Id { get; set; }

    public int AssignmentId { get; set; }

    /// <summary>Set when the assignment and its shares are written in one save.</summary>
    public Assignment? Assignment { get; set; }

    public int PersonId { get; set; }

    /// <summary>The target that gave this person the assignment.</summary>
    public AssignmentTargetKind ViaKind { get; set; }

    /// <summary>The person, group or department id of that target.</summary>
    public int ViaId { get; set; }

    /// <summary>When the person was assigned (UTC): the assignment's time, or when they joined the group or department later.</summary>
    public DateTime AssignedAt { get; set; }

    /// <summary>When it is due (UTC), worked out from the assignment's due date rule; null without one.</summary>
    public DateTime? DueAt { get; set; }

    /// <summary>
    /// When the person first started the module (or any module of the path), copied from their progress when it
    /// happens or when the row is written, so reports need not scan progress; null while not started.
    /// </summary>
    public DateTime? StartedAt { get; set; }

    /// <summary>
    /// When the person completed the module or path (any revision, before or after the assignment counts), copied like
    /// <see cref="StartedAt"/>; null while not completed. Completed after <see cref="DueAt"/> means completed late.
    /// </summary>
    public DateTime? CompletedAt { get; set; }

    /// <summary>When it stopped applying (UTC): the person left the group or department, or the assignment was removed.</summary>
    public DateTime? EndedAt { get; set; }
}
