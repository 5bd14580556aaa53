namespace SkillBridge.Core.Accounts;

/// <summary>Whose personal data is exported or erased.</summary>
/// <param name="UserId">The account's id (AspNetUsers.Id), which features' user references point at.</param>
/// <param name="Username">The account's username, which older tables store as text.</param>
/// <param name="PersonId">The linked profile (People.Id), if any.</param>
/// <param name="PersonUsername">The linked profile's username: the one drafts and credits use.</param>
public sealed record PersonalDataSubject(string UserId, string Username, string? Email, int? PersonId, string? PersonUsername);

/// <summary>An account being deleted, as the sections that erase its data see it.</summary>
/// <param name="Subject">Whose data goes.</param>
/// <param name="FormerUsername">
/// The non-guessable username (former-…) that replaces the person's username wherever a record must still name
/// somebody: drafts' author lists, the audit log. When <paramref name="PersonKept"/> it is also the kept profile's username.
/// </param>
/// <param name="PersonKept">Whether the profile stays, anonymised, because modules or drafts credit it.</param>
public sealed record PersonalDataErasure(PersonalDataSubject Subject, string FormerUsername, bool PersonKept);

/// <summary>
/// One feature's part of a person's data. Each implementation registered in DI (<c>AddScoped&lt;IPersonalDataSection, …&gt;</c>)
/// adds a property to the personal data export, in registration order, and is asked to erase its data when the account
/// is deleted. Erasing runs inside the deletion's transaction on the request's <c>SkillBridgeDbContext</c>: change tracked
/// entities (the deletion saves once at the end) or run bulk statements; never commit, and throw to abandon the whole
/// deletion. Rows that only count towards totals can instead keep a nullable user reference with ON DELETE SET NULL:
/// removing the account then leaves them anonymous.
/// </summary>
public interface IPersonalDataSection
{
    /// <summary>The property name in the export (camelCase, unique), e.g. "moduleProgress".</summary>
    string Name { get; }

    /// <summary>What this feature holds about the subject, serialised as JSON (camelCase); null or an empty list when nothing.</summary>
    Task<object?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken);

    /// <summary>Removes or anonymises this feature's data about the subject before the account is removed.</summary>
    Task EraseAsync(PersonalDataErasure erasure, CancellationToken cancellationToken);
}
