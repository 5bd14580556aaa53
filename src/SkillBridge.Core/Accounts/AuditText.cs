using SkillBridge.Core.People;

namespace SkillBridge.Core.Accounts;

/// <summary>
/// An audit entry as a sentence a person can read ("Helen Carter locked Sam Lee's account"), with people shown by their
/// display names. Entries record usernames, so renaming a person renames them here too.
/// </summary>
public static class AuditText
{
    /// <summary>The actions whose subject is a module's slug.</summary>
    public static readonly IReadOnlySet<string> ModuleActions = new HashSet<string>(StringComparer.Ordinal)
    {
        AuditAction.Submitted, AuditAction.Published, AuditAction.Unpublished, AuditAction.Archived,
        AuditAction.ChangesRequested, AuditAction.Scheduled,
    };

    /// <summary>
    /// The entry as a sentence. A module is named by its title in quotes when <paramref name="moduleTitles"/> (slug to
    /// title) knows it, otherwise by its slug (a module deleted since).
    /// </summary>
    public static string Describe(AuditEntry entry, DisplayNames names, IReadOnlyDictionary<string, string>? moduleTitles = null)
    {
        var who = entry.Actor is null ? "Someone not signed in" : names[entry.Actor];
        var subject = ModuleActions.Contains(entry.Action)
            ? moduleTitles is not null && moduleTitles.TryGetValue(entry.Subject, out var title) ? $"\u201c{title}\u201d" : entry.Subject
            : names[entry.Subject];
        var selfAction = entry.Actor is not null && string.Equals(entry.Actor, entry.Subject, StringComparison.Ordinal);
        var details = entry.Details;
        return entry.Action switch
        {
            AuditAction.Submitted => $"{who} sent the module {subject} for review",
            AuditAction.Published => $"{who} published the module {subject}",
            AuditAction.Unpublished => $"{who} unpublished the module {subject}",
            AuditAction.Archived => $"{who} archived the module {subject}",
            AuditAction.Deleted => $"{who} deleted {subject}",
            AuditAction.ChangesRequested => $"{who} asked for changes to the module {subject}",
            AuditAction.Scheduled => $"{who} scheduled the module {subject} to publish",
            AuditAction.SignInFailed => $"A sign-in as {subject} failed",
            AuditAction.LockedOut => $"{Possessive(subject)} account was locked after wrong passwords",
            AuditAction.Locked => $"{who} locked {Possessive(subject)} account",
            AuditAction.Unlocked => $"{who} unlocked {Possessive(subject)} account",
            AuditAction.RoleGranted when details is not null => $"{who} gave {subject} the {details} role",
            AuditAction.RoleRevoked when details is not null => $"{who} took the {details} role from {subject}",
            AuditAction.Invited => $"{who} invited {subject}",
            AuditAction.InvitationResent => $"{who} sent the invitation to {subject} again",
            AuditAction.InvitationRevoked => $"{who} revoked the invitation to {subject}",
            AuditAction.InvitationAccepted => $"{who} accepted the invitation to {subject}",
            AuditAction.AccountCreated when selfAction => $"{who} created an account",
            AuditAction.AccountCreated => $"{who} created an account for {subject}",
            AuditAction.PasswordChanged => $"{subject} changed their password",
            AuditAction.PasswordReset => $"{subject} chose a new password",
            AuditAction.ResetLinkMade => $"{who} made a password reset link for {subject}",
            AuditAction.AccountDeleted when selfAction => $"{who} deleted their account",
            AuditAction.AccountDeleted => $"{who} deleted {Possessive(subject)} account",
            AuditAction.AuthorTransferred => $"{who} passed {Possessive(subject)} modules to another author",
            AuditAction.SignInThrottled => $"Sign-ins as {subject} were held back after too many wrong passwords",
            AuditAction.ResetMailThrottled => $"Reset mails to {subject} were held back after too many requests",
            AuditAction.Assigned => $"{who} assigned {subject}",
            AuditAction.AssignmentChanged => $"{who} changed the assignment of {subject}",
            AuditAction.AssignmentRemoved => $"{who} removed the assignment of {subject}",
            AuditAction.DepartmentAdded => $"{who} added the department {subject}",
            AuditAction.DepartmentRenamed => $"{who} renamed the department {subject}",
            AuditAction.DepartmentMerged => $"{who} merged the department {subject}",
            AuditAction.DepartmentRetired => $"{who} retired the department {subject}",
            AuditAction.DepartmentChanged => $"{who} changed {Possessive(subject)} department",
            AuditAction.GroupCreated => $"{who} created the group {subject}",
            AuditAction.GroupChanged => $"{who} changed the group {subject}",
            AuditAction.GroupDeleted => $"{who} deleted the group {subject}",
            AuditAction.GroupMembersAdded => $"{who} added people to the group {subject}",
            AuditAction.GroupMemberRemoved => $"{who} removed someone from the group {subject}",
            AuditAction.SynonymAdded => $"{who} added the search synonym {subject}",
            AuditAction.SynonymChanged => $"{who} changed the search synonym {subject}",
            AuditAction.SynonymRemoved => $"{who} removed the search synonym {subject}",
            AuditAction.BrandingChanged => $"{who} changed the site branding",
            _ => $"{who}: {entry.Action} {subject}",
        };
    }

    /// <summary>An action's name in words for the filter list: "RoleGranted" becomes "Role granted".</summary>
    public static string ActionName(string action)
    {
        var words = new System.Text.StringBuilder();
        foreach (var c in action)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                words.Append(c);
            }
        }

        return words.ToString();
    }

    /// <summary>The usernames an entry may name, to look their display names up in one query.</summary>
    public static IEnumerable<string> Usernames(IEnumerable<AuditEntry> entries) =>
        entries.SelectMany(e => e.Actor is null ? [e.Subject] : new[] { e.Actor, e.Subject });

    /// <summary>The module slugs the entries name, to look their titles up in one query.</summary>
    public static IReadOnlyCollection<string> ModuleSlugs(IEnumerable<AuditEntry> entries) =>
        entries.Where(e => ModuleActions.Contains(e.Action)).Select(e => e.Subject).Distinct(StringComparer.Ordinal).ToList();

    private static string Possessive(string name) => name.EndsWith('s') ? name + "'" : name + "'s";
}
