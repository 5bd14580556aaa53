namespace SkillBridge.Core.Groups;

/// <summary>A set of people a curator keeps together to assign learning to ("Sales leadership", "New joiners 2027").</summary>
public sealed class Group
{
    public const int NameMaxLength = 200;

    public const int DescriptionMaxLength = 1000;

    public int Id { get; set; }

    public required string Name { get; set; }

    public string Description { get; set; } = "";

    /// <summary>The curator's account that created it; null once that account is deleted.</summary>
    public string? CreatedById { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When a curator deleted the group (UTC); kept so reports can still name it.</summary>
    public DateTime? ArchivedAt { get; set; }
}
