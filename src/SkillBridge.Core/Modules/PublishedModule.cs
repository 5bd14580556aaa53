using SkillBridge.Core.Catalogue;

namespace SkillBridge.Core.Modules;

/// <summary>An author on the module page; a former colleague has no profile to link to.</summary>
public sealed record ModuleAuthor(string Username, string Name, string Department, bool IsFormerColleague);

/// <summary>A module as learners see it: its published revision's metadata.</summary>
public sealed record PublishedModule(
    int ModuleId,
    int RevisionId,
    string Slug,
    string Title,
    string Summary,
    string CategoryKey,
    string CategoryName,
    ModuleLevel Level,
    int Minutes,
    DateOnly UpdatedOn,
    string? Cover,
    IReadOnlyList<string> Tags,
    IReadOnlyList<ModuleAuthor> Authors)
{
    public IEnumerable<AuthorLink> AuthorLinks => Authors.Select(a => new AuthorLink(a.Username, a.Name, a.IsFormerColleague));
}
