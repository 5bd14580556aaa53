namespace SkillBridge.Core.Progress;

/// <summary>A learner's rating of a module revision they completed: 1 to 5 stars and an optional comment. One per learner and revision; editable.</summary>
public sealed class ModuleRating
{
    public const int MaxCommentLength = 1000;

    public int Id { get; set; }

    /// <summary>Null once the account is deleted; the rating still counts.</summary>
    public string? UserId { get; set; }

    /// <summary>The learner's person, kept when the account is deleted; reports count people by it.</summary>
    public int? PersonId { get; set; }

    /// <summary>The learner's department at the time of the first rating; reports group by it instead of reading the history.</summary>
    public int? DepartmentId { get; set; }

    public int ModuleId { get; set; }

    public int RevisionId { get; set; }

    public int Stars { get; set; }

    public string? Comment { get; set; }

    public DateTime RatedAt { get; set; }
}
