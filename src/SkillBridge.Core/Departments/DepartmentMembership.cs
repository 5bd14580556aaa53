namespace SkillBridge.Core.Departments;

/// <summary>
/// One stretch of time a person spent in a department. A change of department ends the open row and starts a new one,
/// so reports attribute past learning to the department the person was in at the time.
/// </summary>
public sealed class DepartmentMembership
{
    public int Id { get; set; }

    public int PersonId { get; set; }

    public int DepartmentId { get; set; }

    /// <summary>When the person joined (UTC); null when they were in it before the site kept history.</summary>
    public DateTime? StartedAt { get; set; }

    /// <summary>When they left (UTC); null while they are in it. At most one open row per person.</summary>
    public DateTime? EndedAt { get; set; }
}
