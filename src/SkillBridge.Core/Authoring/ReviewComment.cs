using SkillBridge.Core.Modules;

namespace SkillBridge.Core.Authoring;

/// <summary>A curator's note on a module in review, shown to its authors.</summary>
public sealed class ReviewComment
{
    public int Id { get; set; }

    public int ModuleId { get; set; }

    public Module Module { get; set; } = null!;

    public required string Author { get; set; }

    public required string Text { get; set; }

    public DateTime CreatedAt { get; set; }
}
