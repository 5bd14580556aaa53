namespace SkillBridge.Core.Content;

/// <summary>Something wrong in a content file, named by its path relative to the content folder (forward slashes) and its 1-based line.</summary>
public sealed record ContentProblem(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}

/// <summary>What a content parser produced: a value when the file is valid, otherwise the problems.</summary>
public sealed record ContentParseResult<T>(T? Value, IReadOnlyList<ContentProblem> Problems)
    where T : class
{
    public bool Succeeded => Value is not null && Problems.Count == 0;
}
