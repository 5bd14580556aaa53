using System.Linq.Expressions;
using SkillBridge.Core.Modules;

namespace SkillBridge.Core.Catalogue;

/// <summary>An author as lists show them; a former colleague has no profile to link to.</summary>
public sealed record AuthorLink(string Username, string Name, bool IsFormerColleague);

/// <summary>What the catalogue shows of one published module.</summary>
public sealed record ModuleCard(
    string Slug,
    string Title,
    string Summary,
    string CategoryKey,
    string CategoryName,
    ModuleLevel Level,
    int Minutes,
    DateOnly UpdatedOn,
    IReadOnlyList<AuthorLink> Authors)
{
    /// <summary>The projection every list of modules uses, translated to SQL by EF Core.</summary>
    public static readonly Expression<Func<ModuleRevision, ModuleCard>> FromRevision = r => new ModuleCard(
        r.Module.Slug,
        r.Title,
        r.Summary,
        r.Category.Key,
        r.Category.Name,
        r.Level,
        r.Minutes,
        r.UpdatedOn,
        r.Authors.OrderBy(a => a.Position).Select(a => new AuthorLink(a.Person.Username, a.Person.Name, a.Person.LeftAt != null)).ToList());
}

public sealed record FilterOption(string Value, string Label, int Count);

public sealed record CataloguePage(
    IReadOnlyList<ModuleCard> Cards,
    int TotalCount,
    int Page,
    int PageCount,
    IReadOnlyList<FilterOption> Categories,
    IReadOnlyList<FilterOption> Tags);
