namespace SkillBridge.Core.Groups;

public enum GroupStatus
{
    Done,
    NotFound,

    /// <summary>The input was refused; <see cref="GroupResult.Field"/> says which field, the message why.</summary>
    Invalid,
}

/// <summary>The outcome of a group change: done (with a message to show), not found, or invalid with the field and reason.</summary>
public sealed record GroupResult(GroupStatus Status, string Message, string? Field = null, int? GroupId = null)
{
    public bool Succeeded => Status == GroupStatus.Done;

    public static GroupResult Done(string message, int? groupId = null) => new(GroupStatus.Done, message, GroupId: groupId);

    public static GroupResult Invalid(string field, string message) => new(GroupStatus.Invalid, message, field);

    public static GroupResult NotFound { get; } = new(GroupStatus.NotFound, "There is no such group.");
}

public sealed record GroupSummary(int Id, string Name, string Description, int MemberCount);

public sealed record GroupMember(int PersonId, string Username, string Name, string? Department, DateTime JoinedAt);

public sealed record GroupDetails(GroupSummary Group, IReadOnlyList<GroupMember> Members);

/// <summary>A person found by the name search on a group's page.</summary>
public sealed record PersonMatch(int PersonId, string Username, string Name, string? Department, bool InGroup);

/// <summary>One entry of a pasted list, by line (1-based), with the person it names or why it cannot be added.</summary>
public sealed record PastedEntry(int Line, string Text, int? PersonId, string? Name, string? Problem)
{
    public bool IsReady => Problem is null;
}

/// <summary>What a pasted list would do: the entries ready to add and those with problems, each with its line.</summary>
public sealed record PastePreview(IReadOnlyList<PastedEntry> Entries)
{
    public IReadOnlyList<PastedEntry> Ready => [.. Entries.Where(e => e.IsReady)];

    public IReadOnlyList<PastedEntry> Problems => [.. Entries.Where(e => !e.IsReady)];
}
