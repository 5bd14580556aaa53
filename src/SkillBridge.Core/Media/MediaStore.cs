using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
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

    public string PathOf(MediaFile media) => System.IO.Path.Combine(MediaPath, media.FileName);
}
