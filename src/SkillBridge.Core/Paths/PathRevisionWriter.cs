using SkillBridge.Core.Media;
using SkillBridge.Core.Modules;

namespace SkillBridge.Core.Paths;

/// <summary>The content of one version of a path, as the builder's draft or an import's file holds it.</summary>
public sealed record PathContent(string Title, string Summary, string? CoverPath, MediaFile? Cover, IReadOnlyList<int> ModuleIds);

/// <summary>
/// Writes a path's next revision and makes it what learners see. Publishing and import share it, so both keep
/// <see cref="LearningPathModule.AddedAt"/> for modules the path already had and stamp new ones with the time now.
/// </summary>
public static class PathRevisionWriter
{
    /// <param name="path">Tracked, with its <see cref="LearningPath.Modules"/> loaded.</param>
    public static LearningPathRevision Publish(LearningPath path, int number, PathContent content, string? publishedBy, RevisionSource source, DateTime now)
    {
        var revision = new LearningPathRevision
        {
            LearningPathId = path.Id,
            Number = number,
            Title = content.Title,
            Summary = content.Summary,
            CoverPath = content.CoverPath,
            CoverMedia = content.Cover,
            CreatedAt = now,
            CreatedBy = publishedBy,
            Source = source,
        };
        revision.Modules.AddRange(content.ModuleIds.Select((id, position) => new LearningPathRevisionModule { Position = position, ModuleId = id }));

        path.Title = content.Title;
        path.Summary = content.Summary;
        path.CoverPath = content.CoverPath;
        path.CoverMedia = content.Cover;
        path.CoverMediaFileId = content.Cover?.Id;
        path.Status = PathStatus.Published;
        path.PublishedAt = now;

        // Rows are keyed by position, so existing rows are rewritten in place rather than removed and added again.
        var addedAt = path.Modules.ToDictionary(m => m.ModuleId, m => m.AddedAt);
        var existing = path.Modules.OrderBy(m => m.Position).ToList();
        for (var position = 0; position < content.ModuleIds.Count; position++)
        {
            var id = content.ModuleIds[position];
            var when = addedAt.TryGetValue(id, out var before) ? before : now;
            if (position < existing.Count)
            {
                existing[position].ModuleId = id;
                existing[position].AddedAt = when;
            }
            else
            {
                path.Modules.Add(new LearningPathModule { ModuleId = id, Position = position, AddedAt = when });
            }
        }

        foreach (var extra in existing.Skip(content.ModuleIds.Count))
        {
            path.Modules.Remove(extra);
        }

        return revision;
    }
}
