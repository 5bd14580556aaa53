namespace SkillBridge.Core.Catalogue;

public sealed class Category
{
    public int Id { get; set; }

    /// <summary>Stable key used in content files and URLs, e.g. work-hacks.</summary>
    public required string Key { get; set; }

    public required string Name { get; set; }

    public string Description { get; set; } = "";

    public int Position { get; set; }
}
