using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Options;
using SkillBridge.Core.Data;

namespace SkillBridge.Core.Media;

/// <summary>Keeps image files in the media folder, one file per distinct content, and their rows in the database.</summary>
public sealed class MediaStore(SkillBridgeDbContext db, IOptions<SkillBridgeOptions> options, TimeProvider clock)
{
    public string MediaPath => options.Value.ResolvedMediaPath;

    /// <summary>
    /// Writes the file (if new) and adds its row to the context without saving, so the caller's transaction decides.
    /// A file written for a transaction that later fails is harmless: it is named by its content.
    /// </summary>
    public async Task<MediaFile> AddAsync(byte[] bytes, ImageInfo info, CancellationToken cancellationToken = default)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var existing = db.MediaFiles.Local.FirstOrDefault(m => m.Sha256 == sha)
            ?? await db.MediaFiles.FirstOrDefaultAsync(m => m.Sha256 == sha, cancellationToken);
        return await WriteAsync(bytes, sha, info, existing, cancellationToken);
    }

    /// <summary>
    /// Like <see cref="AddAsync"/> for a caller that already looked the content up (by its SHA-256) and passes the row
    /// it found, or null to add one.
    /// </summary>
    public async Task<MediaFile> WriteAsync(byte[] bytes, string sha256, ImageInfo info, MediaFile? existing, CancellationToken cancellationToken = default)
    {
        var media = existing ?? db.MediaFiles.Add(new MediaFile
        {
            Sha256 = sha256,
            ContentType = info.ContentType,
            Length = bytes.LongLength,
            Width = info.Width,
            Height = info.Height,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        }).Entity;

        var path = System.IO.Path.Combine(MediaPath, media.FileName);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(MediaPath);
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }

        return media;
    }

    /// <summary>Moves a variant made in a work folder into the media folder and adds its row to the image, without saving.</summary>
    public MediaVariant AddVariant(MediaFile media, VariantFile file)
    {
        var variant = new MediaVariant
        {
            Width = file.Width,
            Height = file.Height,
            Length = file.Length,
            FileName = MediaVariant.FileNameFor(media, file.Width),
        };
        var path = System.IO.Path.Combine(MediaPath, variant.FileName);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(MediaPath);
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.Copy(file.Path, temporary);
            File.Move(temporary, path, overwrite: true);
        }

        media.Variants.Add(variant);
        return variant;
    }

    /// <summary>
    /// Removes media file <paramref name="mediaFileId"/> and its variants from the context when nothing refers to it any
    /// more (every foreign key to it in the model is checked, so a module, draft or branding that uses the same image keeps
    /// it). For a photo its owner removed or that went with their account. Returns the files to delete once the caller's
    /// transaction has committed (<see cref="DeleteFiles"/>), so a rollback never loses a file still in use.
    /// </summary>
    public async Task<IReadOnlyList<string>> ForgetIfUnusedAsync(int mediaFileId, CancellationToken cancellationToken = default)
    {
        foreach (var key in db.Model.FindEntityType(typeof(MediaFile))!.GetReferencingForeignKeys())
        {
            var owner = key.DeclaringEntityType;
            if (owner.ClrType == typeof(MediaVariant) || owner.GetTableName() is not { } table)
            {
                continue;
            }

            var column = key.Properties[0].GetColumnName(StoreObjectIdentifier.Table(table, owner.GetSchema()));
            // The table and column names come from the model, never from input; the id is a parameter.
            var count = "SELECT COUNT(*) AS \"Value\" FROM \"" + table + "\" WHERE \"" + column + "\" = {0}";
            var uses = await db.Database.SqlQueryRaw<int>(count, mediaFileId).SingleAsync(cancellationToken);
            if (uses > 0)
            {
                return [];
            }
        }

        if (await db.MediaFiles.Include(m => m.Variants).FirstOrDefaultAsync(m => m.Id == mediaFileId, cancellationToken) is not { } media)
        {
            return [];
        }

        db.MediaFiles.Remove(media);
        return [media.FileName, .. media.Variants.Select(v => v.FileName)];
    }

    /// <summary>
    /// Deletes files of the media folder that <see cref="ForgetIfUnusedAsync"/> named. One already gone, or one the disk
    /// refuses to delete, is left as it is: the change it belongs to has already committed.
    /// </summary>
    public void DeleteFiles(IEnumerable<string> fileNames)
    {
        foreach (var fileName in fileNames)
        {
            try
            {
                File.Delete(System.IO.Path.Combine(MediaPath, fileName));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Nothing refers to it any more; it is only a stray file now.
            }
        }
    }

    public string PathOf(MediaFile media) => System.IO.Path.Combine(MediaPath, media.FileName);
}
