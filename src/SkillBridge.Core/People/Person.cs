using SkillBridge.Core.Departments;
using SkillBridge.Core.Media;

namespace SkillBridge.Core.People;

/// <summary>A member of staff who authors or mentors. Becomes an account when they sign up or are invited.</summary>
public sealed class Person
{
    /// <summary>What every page shows instead of the name of someone who deleted their account but is still credited.</summary>
    public const string FormerColleagueName = "A former colleague";

    /// <summary>Usernames given to former colleagues start with this; no account may choose one.</summary>
    public const string FormerUsernamePrefix = "former-";

    public int Id { get; set; }

    public required string Username { get; set; }

    public required string Name { get; set; }

    /// <summary>
    /// The department the person is in now (admins set it; import may add it). Kept in step with the person's open
    /// <see cref="DepartmentMembership"/>, which holds the history; null when in none.
    /// </summary>
    public int? DepartmentId { get; set; }

    public Department? Department { get; set; }

    public string Bio { get; set; } = "";

    public List<string> HelpsWith { get; set; } = [];

    /// <summary>The person's photo, set by themselves through the image upload checks; null shows their initials.</summary>
    public int? PhotoMediaFileId { get; set; }

    public MediaFile? Photo { get; set; }

    /// <summary>author, curator, admin; everyone is a learner.</summary>
    public List<string> Roles { get; set; } = [];

    public string? Email { get; set; }

    /// <summary>
    /// When the person deleted their account (UTC). Set only on a person kept because modules credit them: the row is
    /// then anonymised and shows as <see cref="FormerColleagueName"/>, with no profile.
    /// </summary>
    public DateTime? LeftAt { get; set; }

    public bool IsFormerColleague => LeftAt is not null;

    /// <summary>Whether a username stored as text (drafts' author lists, review queue) names a former colleague.</summary>
    public static bool IsFormerUsername(string? username) =>
        username is not null && username.StartsWith(FormerUsernamePrefix, StringComparison.Ordinal);

    /// <summary>How a username stored as text is shown to people: itself, or "A former colleague".</summary>
    public static string DisplayUsername(string username) => IsFormerUsername(username) ? FormerColleagueName : username;
}
