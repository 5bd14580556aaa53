using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Data;
using SkillBridge.Core.Media;

namespace SkillBridge.Core.People;

/// <summary>What a person sees of their own profile when editing it. The department is shown, not edited: admins set it.</summary>
public sealed record OwnProfile(string Username, string Name, string Department, string Bio, IReadOnlyList<string> HelpsWith, string? PhotoUrl);

/// <summary>A person's change to their own profile: bio, "helps with" as typed (commas or lines), and the photo.</summary>
public sealed record ProfileChange(string? Bio, string? HelpsWith, ImageUpload? Photo = null, bool RemovePhoto = false);

public enum ProfileSaveStatus
{
    Saved,
    Invalid,

    /// <summary>The account is linked to no person (should not happen: every account gets one when it is made).</summary>
    NoProfile,
}

/// <summary>Saved, or the problems by field (Bio, HelpsWith, Photo), each a sentence for the person.</summary>
public sealed record ProfileSaveResult(ProfileSaveStatus Status, IReadOnlyDictionary<string, string> Problems);

/// <summary>People edit their own profile: photo (through the image upload checks), bio and the topics they help with.</summary>
public sealed class ProfileEditor(SkillBridgeDbContext db, MediaUploadService uploads, MediaStore media)
{
    public const int MaxBioLength = 2000;
    public const int MaxTopics = 8;
    public const int MaxTopicLength = 40;

    public async Task<OwnProfile?> LoadAsync(string userId, CancellationToken cancellationToken = default) =>
        await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.PersonId != null)
            .Join(db.People, u => u.PersonId, p => p.Id, (u, p) => new
            {
                p.Username,
                p.Name,
                Department = p.Department != null ? p.Department.Name : "",
                p.Bio,
                p.HelpsWith,
                PhotoSha256 = p.Photo != null ? p.Photo.Sha256 : null,
                PhotoContentType = p.Photo != null ? p.Photo.ContentType : null,
            })
            .Select(p => new OwnProfile(p.Username, p.Name, p.Department, p.Bio, p.HelpsWith,
                p.PhotoSha256 == null ? null : MediaUrls.Of(p.PhotoSha256, p.PhotoContentType!)))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Splits "helps with" as typed into topics, or says what is wrong with it.</summary>
    public static (IReadOnlyList<string> Topics, string? Problem) ParseTopics(string? text)
    {
        var topics = (text ?? "")
            .Split([',', '\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(t => t.Length > 0)
            .DistinctBy(t => t.ToUpperInvariant())
            .ToList();
        if (topics.Count > MaxTopics)
        {
            return (topics, $"List at most {MaxTopics} topics; you listed {topics.Count}.");
        }

        if (topics.FirstOrDefault(t => t.Length > MaxTopicLength) is { } longTopic)
        {
            return (topics, $"“{longTopic[..20]}…” is too long for a topic: keep each to {MaxTopicLength} characters, separated by commas.");
        }

        return (topics, null);
    }

    public async Task<ProfileSaveResult> SaveAsync(string userId, ProfileChange change, CancellationToken cancellationToken = default)
    {
        var personId = await db.Users.Where(u => u.Id == userId).Select(u => u.PersonId).FirstOrDefaultAsync(cancellationToken);
        var person = personId is null ? null : await db.People.FirstOrDefaultAsync(p => p.Id == personId && p.LeftAt == null, cancellationToken);
        if (person is null)
        {
            return new ProfileSaveResult(ProfileSaveStatus.NoProfile, new Dictionary<string, string>());
        }

        var problems = new Dictionary<string, string>();
        var bio = (change.Bio ?? "").Trim().ReplaceLineEndings("\n");
        if (bio.Length > MaxBioLength)
        {
            problems["Bio"] = $"Keep the bio to {MaxBioLength:N0} characters; it has {bio.Length:N0}.";
        }

        var (topics, topicProblem) = ParseTopics(change.HelpsWith);
        if (topicProblem is not null)
        {
            problems["HelpsWith"] = topicProblem;
        }

        if (problems.Count > 0)
        {
            return new ProfileSaveResult(ProfileSaveStatus.Invalid, problems);
        }

        var formerPhoto = person.PhotoMediaFileId;
        if (change.Photo is { } photo && !change.RemovePhoto)
        {
            var stored = await uploads.UploadAsync(photo, cancellationToken);
            if (stored.Media is not { } media)
            {
                return new ProfileSaveResult(ProfileSaveStatus.Invalid, new Dictionary<string, string> { ["Photo"] = stored.Message! });
            }

            person.PhotoMediaFileId = media.Id;
        }

        if (change.RemovePhoto)
        {
            person.PhotoMediaFileId = null;
        }

        person.Bio = bio;
        person.HelpsWith = [.. topics];
        await db.SaveChangesAsync(cancellationToken);
        if (formerPhoto is { } former && former != person.PhotoMediaFileId)
        {
            // A removed or replaced photo leaves the site, unless the same image is used elsewhere.
            var files = await media.ForgetIfUnusedAsync(former, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            media.DeleteFiles(files);
        }

        return new ProfileSaveResult(ProfileSaveStatus.Saved, new Dictionary<string, string>());
    }
}
