namespace SkillBridge.Core.Accounts;

/// <summary>The actions the audit log records. Stored as these strings, so never rename one.</summary>
public static class AuditAction
{
    public const string Submitted = "Submitted";
    public const string Published = "Published";
    public const string Unpublished = "Unpublished";
    public const string Archived = "Archived";
    public const string Deleted = "Deleted";
    public const string ChangesRequested = "ChangesRequested";
    public const string Scheduled = "Scheduled";
    public const string SignInFailed = "SignInFailed";
    public const string LockedOut = "LockedOut";
    public const string Locked = "Locked";
    public const string BrandingChanged = "BrandingChanged";
    public const string Unlocked = "Unlocked";
    public const string RoleGranted = "RoleGranted";
    public const string RoleRevoked = "RoleRevoked";
    public const string Invited = "Invited";
    public const string InvitationAccepted = "InvitationAccepted";
    public const string InvitationResent = "InvitationResent";
    public const string InvitationRevoked = "InvitationRevoked";
    public const string ResetLinkMade = "ResetLinkMade";
    public const string AccountCreated = "AccountCreated";
    public const string PasswordChanged = "PasswordChanged";
    public const string PasswordReset = "PasswordReset";
    public const string AccountDeleted = "AccountDeleted";
    public const string AuthorTransferred = "AuthorTransferred";
    public const string SignInThrottled = "SignInThrottled";
    public const string ResetMailThrottled = "ResetMailThrottled";
    public const string Assigned = "Assigned";
    public const string AssignmentChanged = "AssignmentChanged";
    public const string AssignmentRemoved = "AssignmentRemoved";
    public const string DepartmentAdded = "DepartmentAdded";
    public const string DepartmentRenamed = "DepartmentRenamed";
    public const string DepartmentMerged = "DepartmentMerged";
    public const string DepartmentRetired = "DepartmentRetired";
    public const string DepartmentChanged = "DepartmentChanged";
    public const string GroupCreated = "GroupCreated";
    public const string GroupChanged = "GroupChanged";
    public const string GroupDeleted = "GroupDeleted";
    public const string GroupMembersAdded = "GroupMembersAdded";
    public const string GroupMemberRemoved = "GroupMemberRemoved";
    public const string SynonymAdded = "SynonymAdded";
    public const string SynonymChanged = "SynonymChanged";
    public const string SynonymRemoved = "SynonymRemoved";

    public static readonly IReadOnlyList<string> All =
    [
        Submitted, Published, Unpublished, Archived, Deleted, ChangesRequested, Scheduled,
        SignInFailed, LockedOut, Locked, Unlocked, RoleGranted, RoleRevoked, Invited, InvitationAccepted, InvitationResent, InvitationRevoked, ResetLinkMade,
        AccountCreated, PasswordChanged, PasswordReset, AccountDeleted, AuthorTransferred, SignInThrottled, ResetMailThrottled,
        Assigned, AssignmentChanged, AssignmentRemoved,
        DepartmentAdded, DepartmentRenamed, DepartmentMerged, DepartmentRetired, DepartmentChanged,
        GroupCreated, GroupChanged, GroupDeleted, GroupMembersAdded, GroupMemberRemoved,
        SynonymAdded, SynonymChanged, SynonymRemoved,
    ];
}
