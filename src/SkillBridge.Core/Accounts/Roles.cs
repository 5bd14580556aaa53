namespace SkillBridge.Core.Accounts;

/// <summary>
/// The roles an account can hold (design.md). Everyone signed in is a learner, which is not a role.
/// Authors write modules; curators review, publish and curate paths; admins manage accounts.
/// </summary>
public static class Roles
{
    public const string Author = "author";

    public const string Curator = "curator";

    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Author, Curator, Admin];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);
}
