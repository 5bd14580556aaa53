namespace SkillBridge.Core.Departments;

/// <summary>A department of the organisation, from a list admins keep in the site (rename, merge, retire).</summary>
public sealed class Department
{
    public const int NameMaxLength = 200;

    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>When an admin retired it (UTC): nobody can be put in it any more; its history stays in reports.</summary>
    public DateTime? RetiredAt { get; set; }

    /// <summary>Set when an admin merged this department into another: its people moved there and it is retired.</summary>
    public int? MergedIntoId { get; set; }
}
