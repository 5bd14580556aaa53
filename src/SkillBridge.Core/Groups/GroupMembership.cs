namespace SkillBridge.Core.Groups;

/// <summary>One stretch of time a person spent in a group; leaving ends the row, joining again starts a new one.</summary>
public sealed class GroupMembership
{
    public int Id { get; set; }

    public int GroupId { get; set; }

    public int PersonId { get; set; }

    public DateTime JoinedAt { get; set; }

    /// <summary>When they left (UTC); null while they are in the group. At most one open row per group and person.</summary>
    public DateTime? LeftAt { get; set; }
}
