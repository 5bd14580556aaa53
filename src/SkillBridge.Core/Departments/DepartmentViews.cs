namespace SkillBridge.Core.Departments;

/// <summary>A row of the admins' department list.</summary>
public sealed record DepartmentSummary(int Id, string Name, int PeopleCount, DateTime? RetiredAt, string? MergedInto)
{
    public bool IsRetired => RetiredAt is not null;
}

public sealed record DepartmentPerson(string Username, string Name, DateTime? Since);

/// <summary>A department's page: who is in it now, and the other departments it can be merged into.</summary>
public sealed record DepartmentDetails(DepartmentSummary Department, IReadOnlyList<DepartmentPerson> People, IReadOnlyList<DepartmentSummary> MergeTargets);

public sealed record DepartmentStay(string Department, DateTime? StartedAt, DateTime? EndedAt);

/// <summary>A person as the admin page that sets their department sees them.</summary>
public sealed record PersonDepartment(string Username, string Name, bool IsFormerColleague, int? DepartmentId, string? Department, IReadOnlyList<DepartmentStay> History);
