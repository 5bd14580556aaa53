using SkillBridge.Core.Catalogue;
using SkillBridge.Core.Media;
using SkillBridge.Core.People;

namespace SkillBridge.Core.Modules;

/// <summary>One immutable version of a module's content and metadata.</summary>
public sealed class ModuleRevision
{
    public int Id { get; set; }

    public int ModuleId { get; set; }

    public Module Module { get; set; } = null!;

    /// <summary>1, 2, 3, ... within the module.</summary>
    public int Number { get; set; }

    public required string Title { get; set; }

    public required string Summary { get; set; }

    public int CategoryId { get; set; }

    public Category Category { get; set; } = null!;

    public ModuleLevel Level { get; set; }

    public int Minutes { get; set; }

    /// <summary>Path of the cover image relative to the module file, as in the content format (e.g. images/cover.png).</summary>
    public string? Cover { get; set; }

    /// <summary>The Markdown body: introduction, then one level-2 heading per step.</summary>
    public required string Body { get; set; }

    /// <summary>The "updated" date shown to learners.</summary>
    public DateOnly UpdatedOn { get; set; }

    public DateTime CreatedAt { get; set; }

    public RevisionSource Source { get; set; }

    /// <summary>Username of whoever published this revision; null for imported ones.</summary>
    public string? CreatedBy { get; set; }

    /// <summary>Anything worth knowing about how it was published, e.g. that a schedule ran late.</summary>
    public string? PublishNote { get; set; }

    /// <summary>SHA-256 of the revision's canonical content, so an unchanged import is recognised.</summary>
    public required string ContentHash { get; set; }

    public List<RevisionTag> Tags { get; } = [];

    public List<RevisionAuthor> Authors { get; } = [];

    public List<RevisionImage> Images { get; } = [];
}

public enum RevisionSource
{
    Import,
    Editor,
}

public sealed class RevisionTag
{
    public int RevisionId { get; set; }

    public required string Tag { get; set; }
}

public sealed class RevisionAuthor
{
    public int RevisionId { get; set; }

    public int PersonId { get; set; }

    public Person Person { get; set; } = null!;

    /// <summary>The author's department when the revision was published: who-taught-whom reports group by it.</summary>
    public int? DepartmentId { get; set; }

    /// <summary>Order in which the authors are credited.</summary>
    public int Position { get; set; }

    /// <summary>Credits a person on a revision being published, with the department they are in now.</summary>
    public static RevisionAuthor Credit(Person person, int position) =>
        new() { Person = person, DepartmentId = person.DepartmentId, Position = position };
}

/// <summary>An image a revision uses, by the relative path its Markdown names.</summary>
public sealed class RevisionImage
{
    public int RevisionId { get; set; }

    /// <summary>Relative to the module file, e.g. images/share-dialog.png.</summary>
    public required string Path { get; set; }

    public int MediaFileId { get; set; }

    public MediaFile MediaFile { get; set; } = null!;
}
