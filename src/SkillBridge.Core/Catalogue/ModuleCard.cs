using System.Linq.Expressions;
using SkillBridge.Core.Media;
using SkillBridge.Core.Modules;
using SkillBridge.Core.People;

namespace SkillBridge.Core.Catalogue;

/// <summary>An author as lists show them; a former colleague has no profile to link to (and no photo).</summary>
/// <param name="PhotoAvatarFileName">The photo's small copy (<see cref="ImageVariantMaker.AvatarWidth"/> px wide), when one was made.</param>
public sealed record AuthorLink(string Username, string Name, bool IsFormerColleague, string? PhotoSha256 = null, string? PhotoContentType = null, string? PhotoAvatarFileName = null)
{
    /// <summary>
    /// The author's photo as an avatar loads it: the small copy, or the original when none was made (a photo no wider
    /// than the avatar, or stored while libvips was off); null when they have none: cards then show <see cref="Initials"/>.
    /// </summary>
    public string? PhotoUrl =>
        PhotoSha256 is null || PhotoContentType is null || IsFormerColleague ? null
        : PhotoAvatarFileName is { } small ? MediaUrls.OfVariant(small)
        : MediaUrls.Of(PhotoSha256, PhotoContentType);

    public string Initials => PersonInitials.Of(Name);
}

/// <summary>A module's cover as stored: the image a card shows above the title.</summary>
public sealed record CoverImage(string Url, int Width, int Height);

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
    IReadOnlyList<AuthorLink> Authors,
    string? CoverSha256 = null,
    string? CoverContentType = null,
    int CoverWidth = 0,
    int CoverHeight = 0)
{
    /// <summary>The module's cover, or null: the card then shows its category's tile.</summary>
    public CoverImage? Cover => CoverSha256 is null || CoverContentType is null ? null : new CoverImage(MediaUrls.Of(CoverSha256, CoverContentType), CoverWidth, CoverHeight);

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
        r.Authors.OrderBy(a => a.Position)
            .Select(a => new AuthorLink(a.Person.Username, a.Person.Name, a.Person.LeftAt != null, a.Person.Photo!.Sha256, a.Person.Photo.ContentType,
                a.Person.Photo.Variants.Where(v => v.Width == ImageVariantMaker.AvatarWidth).Select(v => v.FileName).FirstOrDefault()))
            .ToList(),
        // Scalar subqueries rather than one object: SQLite has no OUTER APPLY to fetch a row per card.
        r.Images.Where(i => i.Path == r.Cover).Select(i => i.MediaFile.Sha256).FirstOrDefault(),
        r.Images.Where(i => i.Path == r.Cover).Select(i => i.MediaFile.ContentType).FirstOrDefault(),
        r.Images.Where(i => i.Path == r.Cover).Select(i => i.MediaFile.Width).FirstOrDefault(),
        r.Images.Where(i => i.Path == r.Cover).Select(i => i.MediaFile.Height).FirstOrDefault());
}

public sealed record FilterOption(string Value, string Label, int Count);

public sealed record CataloguePage(
    IReadOnlyList<ModuleCard> Cards,
    int TotalCount,
    int Page,
    int PageCount,
    IReadOnlyList<FilterOption> Categories,
    IReadOnlyList<FilterOption> Tags);
