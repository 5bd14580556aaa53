using SkillBridge.Core.Data;
using SkillBridge.Core.Departments;

namespace SkillBridge.Core.Content;

/// <summary>
/// The departments people.yml names, matched to the site's list without regard to case. A name the site lacks is added;
/// a department merged into another sends its people where the merge did; a retired one cannot take people, so naming
/// it is a problem. An entry without a department leaves the person's department as the site has it (admins set it).
/// </summary>
internal sealed class ImportDepartments(List<Department> existing)
{
    private readonly Dictionary<string, Department> _byName = existing.ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<int, Department> _byId = existing.ToDictionary(d => d.Id);

    public IEnumerable<ContentProblem> Check(IReadOnlyList<PersonEntry> entries, string file)
    {
        foreach (var entry in entries.Where(e => e.Department.Trim().Length > 0))
        {
            var name = entry.Department.Trim();
            if (DepartmentNames.Problem(name) is { } problem)
            {
                yield return new ContentProblem(file, entry.Line, $"department '{name}': {problem}");
            }
            else if (_byName.TryGetValue(name, out var department) && Current(department) is null)
            {
                yield return new ContentProblem(file, entry.Line, $"department '{department.Name}' is retired in the site; name a current department");
            }
        }
    }

    /// <summary>Adds each named department the site lacks (first spelling wins) and returns their names in file order.</summary>
    public List<string> AddMissing(IReadOnlyList<PersonEntry> entries, SkillBridgeDbContext db)
    {
        var added = new List<string>();
        foreach (var name in entries.Select(e => e.Department.Trim()).Where(n => n.Length > 0))
        {
            if (!_byName.ContainsKey(name))
            {
                _byName[name] = db.Departments.Add(new Department { Name = name }).Entity;
                added.Add(name);
            }
        }

        return added;
    }

    /// <summary>The current department a people.yml entry names (after merges), or null when it names none.</summary>
    public Department? Resolve(string name) =>
        name.Trim() is { Length: > 0 } trimmed && _byName.TryGetValue(trimmed, out var department) ? Current(department) : null;

    /// <summary>The department itself, or the one it was merged into (following merges); null when retired without a merge.</summary>
    private Department? Current(Department department)
    {
        for (var hops = 0; hops < 100 && department.RetiredAt is not null; hops++)
        {
            if (department.MergedIntoId is not { } into || !_byId.TryGetValue(into, out var next))
            {
                return null;
            }

            department = next;
        }

        return department.RetiredAt is null ? department : null;
    }
}
