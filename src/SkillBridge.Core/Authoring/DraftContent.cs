using SkillBridge.Core.Modules;

namespace SkillBridge.Core.Authoring;

/// <summary>What the module editor sends: the metadata form and the Markdown body.</summary>
public sealed record DraftContent(
    string Title,
    string Summary,
    string? CategoryKey,
    IReadOnlyList<string> Tags,
    ModuleLevel Level,
    int Minutes,
    string? Cover,
    string Body,
    IReadOnlyList<string> Authors);

/// <summary>A problem with a draft, tied to the form field it is about (Title, Summary, Category, Minutes, Authors, Body, ...).</summary>
public sealed record DraftProblem(string Field, string Message);
