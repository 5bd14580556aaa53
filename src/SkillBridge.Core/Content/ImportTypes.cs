namespace SkillBridge.Core.Content;

public sealed record ImportOptions
{
    /// <summary>Overwrite modules and paths edited in the site since their last import.</summary>
    public bool Force { get; init; }

    /// <summary>
    /// The person running the import (the command's --as), if named. Unless Publishing:AllowSelfPublish is on, the
    /// import refuses to publish a module this person is an author of: another curator must import it.
    /// </summary>
    public string? ImportedBy { get; init; }
}

public enum ImportStage
{
    Validating,
    Writing,
}

/// <summary>One file validated or one module written: Done of Total in the stage.</summary>
public sealed record ImportProgress(ImportStage Stage, int Done, int Total, string Item);

public sealed record ImportCounts(
    int ModulesCreated,
    int ModulesUpdated,
    int ModulesUnchanged,
    int ModulesSkipped,
    int PeopleChanged,
    int CategoriesChanged,
    int PathsChanged,
    int PathsSkipped = 0)
{
    public override string ToString() =>
        $"{ModulesCreated} modules new, {ModulesUpdated} updated, {ModulesUnchanged} unchanged, {ModulesSkipped} skipped; " +
        $"{PeopleChanged} people, {CategoriesChanged} categories and {PathsChanged} paths added or changed, {PathsSkipped} paths skipped";
}

/// <summary>
/// The outcome of an import. Problems mean nothing was written. Skipped lists modules edited in the site since their
/// last import and left alone (reported, not a failure).
/// </summary>
public sealed record ImportResult(IReadOnlyList<ContentProblem> Problems, ImportCounts Counts, IReadOnlyList<ContentProblem> Skipped)
{
    public bool Succeeded => Problems.Count == 0;

    /// <summary>Departments people.yml named that the site lacked, added by this import ("Added department: X").</summary>
    public IReadOnlyList<string> DepartmentsAdded { get; init; } = [];

    public static ImportResult Failed(IReadOnlyList<ContentProblem> problems) => new(problems, new ImportCounts(0, 0, 0, 0, 0, 0, 0), []);
}
