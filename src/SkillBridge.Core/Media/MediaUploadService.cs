using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkillBridge.Core.Data;

namespace SkillBridge.Core.Media;

/// <summary>An image a person chose in a form (a logo, a favicon, a profile photo), not yet checked.</summary>
public sealed record ImageUpload(Stream Content, string FileName, string? ContentType);

/// <summary>An image to store: its bytes, the name it came with and the type its sender claimed (may be null).</summary>
public sealed record MediaCandidate(byte[] Bytes, string FileName, string? ClaimedContentType = null);

/// <summary>
/// The one way images enter SkillBridge (module editor uploads and content imports): checks the bytes, size and pixel
/// count before anything decodes them, strips metadata in-process, makes responsive variants with libvips when it is on,
/// and stores the stripped original with its variants. A refused image leaves no row and no file behind.
/// </summary>
public sealed class MediaUploadService(
    SkillBridgeDbContext db,
    MediaStore store,
    ImageVariantMaker variantMaker,
    ImageProcessingGate gate,
    IOptions<MediaOptions> options,
    ILogger<MediaUploadService> logger)
{
    private const int ReadChunk = 81920;

    private const string Accepted = "Use a PNG, JPEG, GIF or WebP image.";

    /// <summary>What an upload that could not get its turn is told (the page answers 503).</summary>
    public const string BusyMessage = "The server is busy processing images; try again in a minute.";

    /// <summary>Checks and stores an image chosen in a form, and saves.</summary>
    public Task<MediaUploadResult> UploadAsync(ImageUpload upload, CancellationToken cancellationToken) =>
        UploadAsync(upload.Content, upload.FileName, upload.ContentType, cancellationToken);

    /// <summary>Reads at most one byte more than the limit, checks and stores the image, and saves.</summary>
    public async Task<MediaUploadResult> UploadAsync(Stream content, string fileName, string? claimedContentType, CancellationToken cancellationToken)
    {
        var bytes = await ReadAtMostAsync(content, options.Value.MaxUploadBytes, cancellationToken);
        if (bytes is null)
        {
            return TooLarge();
        }

        var result = (await AddAsync([new MediaCandidate(bytes, fileName, claimedContentType)], cancellationToken))[0];
        if (result.Media is not { } media)
        {
            return result;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception)
        {
            // The same image uploaded at the same moment by another request won the unique index on the hash (or on a
            // variant's width): its row is as good as ours, and the files are named by content, so ours are the same.
            if (await StoredMeanwhileAsync(media, cancellationToken) is not { } stored)
            {
                throw;
            }

            logger.LogInformation(exception, "Image {Sha256} was stored by another upload at the same moment; using that row", media.Sha256);
            return MediaUploadResult.Stored(stored);
        }

        return result;
    }

    /// <summary>Forgets the rows this upload added and reads the row another request stored; null when there is none.</summary>
    private async Task<MediaFile?> StoredMeanwhileAsync(MediaFile media, CancellationToken cancellationToken)
    {
        var ours = db.ChangeTracker.Entries()
            .Where(e => e.Entity == media || (e.Entity is MediaVariant variant && media.Variants.Contains(variant)))
            .ToList();
        foreach (var entry in ours)
        {
            entry.State = EntityState.Detached;
        }

        return await db.MediaFiles.Include(m => m.Variants).FirstOrDefaultAsync(m => m.Sha256 == media.Sha256, cancellationToken);
    }

    /// <summary>
    /// Checks, strips and stores each image, adding rows to the context without saving so that the caller's
    /// transaction decides. One result per image, in order. Looks existing images up in one query.
    /// </summary>
    public async Task<IReadOnlyList<MediaUploadResult>> AddAsync(IReadOnlyList<MediaCandidate> images, CancellationToken cancellationToken)
    {
        var checkedImages = images.Select(Check).ToList();
        var shas = checkedImages.Where(c => c.Image is not null).Select(c => c.Image!.Sha256).Distinct().ToList();
        var known = shas.Count == 0
            ? []
            : await db.MediaFiles.Include(m => m.Variants).Where(m => shas.Contains(m.Sha256)).ToDictionaryAsync(m => m.Sha256, StringComparer.Ordinal, cancellationToken);
        foreach (var added in db.MediaFiles.Local.Where(m => shas.Contains(m.Sha256)))
        {
            known[added.Sha256] = added;
        }

        var results = new List<MediaUploadResult>(images.Count);
        foreach (var (image, refusal) in checkedImages)
        {
            results.Add(image is null ? refusal! : await StoreAsync(image, known, cancellationToken));
        }

        return results;
    }

    private sealed record CheckedImage(byte[] Bytes, ImageInfo Info, string Sha256);

    private (CheckedImage? Image, MediaUploadResult? Refusal) Check(MediaCandidate candidate)
    {
        var bytes = candidate.Bytes;
        var limits = options.Value;
        if (bytes.Length == 0)
        {
            return (null, MediaUploadResult.Refused(MediaUploadFailure.Empty, "The file is empty."));
        }

        if (bytes.LongLength > limits.MaxUploadBytes)
        {
            return (null, TooLarge());
        }

        // Decided by the bytes alone: SVG, HTML, PDF and text never reach libvips.
        if (ImageFormats.Sniff(bytes) is not { } contentType)
        {
            return (null, MediaUploadResult.Refused(MediaUploadFailure.NotAnImage, $"This file is not an image SkillBridge accepts. {Accepted}"));
        }

        if (NameDisagrees(candidate, contentType) is { } refusal)
        {
            return (null, refusal);
        }

        var format = ImageFormats.NameOf(contentType);
        if (ImageFormats.Identify(bytes) is not { } info || info.ContentType != contentType)
        {
            return (null, MediaUploadResult.Refused(MediaUploadFailure.DimensionsUnreadable,
                $"The size of this {format} image cannot be read; the file may be damaged. Save it again and try again."));
        }

        if ((long)info.Width * info.Height > limits.MaxPixels)
        {
            return (null, MediaUploadResult.Refused(MediaUploadFailure.TooManyPixels, string.Create(CultureInfo.InvariantCulture,
                $"The image is {info.Width:N0} × {info.Height:N0} pixels, more than the {limits.MaxPixels / 1_000_000.0:0.#} million pixels allowed. Make it smaller and try again.")));
        }

        if (MetadataStripper.Strip(bytes, contentType) is not { } stripped)
        {
            return (null, ProcessingFailed($"its {format} structure cannot be followed"));
        }

        return (new CheckedImage(stripped, info, Convert.ToHexStringLower(SHA256.HashData(stripped))), null);
    }

    /// <summary>
    /// The name's extension must promise the format the bytes are. A name without an extension (a pasted
    /// screenshot) is checked against the claimed type instead, when that names one of the four formats.
    /// </summary>
    private static MediaUploadResult? NameDisagrees(MediaCandidate candidate, string contentType)
    {
        var name = Path.GetFileName(candidate.FileName.Replace('\\', '/'));
        var extension = Path.GetExtension(name);
        var promised = extension.Length > 0 ? ImageFormats.ForExtension(extension) : ForClaimedType(candidate.ClaimedContentType);
        if (extension.Length == 0 && promised is null)
        {
            return null;
        }

        if (promised == contentType)
        {
            return null;
        }

        var format = ImageFormats.NameOf(contentType);
        var said = extension.Length > 0 ? $"is named \"{name}\"" : $"was sent as {candidate.ClaimedContentType}";
        return MediaUploadResult.Refused(MediaUploadFailure.ExtensionMismatch,
            $"This file {said}, but it is a {format} image. Rename it to end in {ImageFormats.ExtensionFor(contentType)}, or save it again in the format its name says.");
    }

    private static string? ForClaimedType(string? claimed) =>
        claimed?.Split(';')[0].Trim().ToUpperInvariant() switch
        {
            "IMAGE/PNG" => ImageFormats.Png,
            "IMAGE/JPEG" or "IMAGE/JPG" or "IMAGE/PJPEG" => ImageFormats.Jpeg,
            "IMAGE/GIF" => ImageFormats.Gif,
            "IMAGE/WEBP" => ImageFormats.WebP,
            _ => null,
        };

    private async Task<MediaUploadResult> StoreAsync(CheckedImage image, Dictionary<string, MediaFile> known, CancellationToken cancellationToken)
    {
        known.TryGetValue(image.Sha256, out var media);
        var wantsVariants = variantMaker.IsOn && ImageVariantMaker.WidthsFor(image.Info).Count > 0 && (media is null || media.Variants.Count == 0);
        using var lease = wantsVariants ? await gate.EnterAsync((long)image.Info.Width * image.Info.Height, cancellationToken) : null;
        if (wantsVariants && lease is null)
        {
            logger.LogWarning("Image {Sha256} waited longer than the start timeout for its turn and was turned away", image.Sha256);
            return MediaUploadResult.Refused(MediaUploadFailure.Busy, BusyMessage);
        }

        var folder = wantsVariants ? Directory.CreateTempSubdirectory("skillbridge-media-").FullName : null;
        try
        {
            var made = new VariantsMade([], null);
            if (folder is not null)
            {
                var original = Path.Combine(folder, "original" + ImageFormats.ExtensionFor(image.Info.ContentType));
                await File.WriteAllBytesAsync(original, image.Bytes, cancellationToken);
                made = await variantMaker.MakeAsync(original, image.Info, folder, cancellationToken);
            }

            if (!made.Succeeded)
            {
                if (media is null)
                {
                    return ProcessingFailed(made.Problem!);
                }

                // Stored and served before (without variants, e.g. while libvips was off): it stays so.
                logger.LogWarning("No variants for stored image {Sha256}: {Problem}", image.Sha256, made.Problem);
            }

            media = await store.WriteAsync(image.Bytes, image.Sha256, image.Info, media, cancellationToken);
            known[image.Sha256] = media;
            foreach (var file in made.Files)
            {
                store.AddVariant(media, file);
            }

            return MediaUploadResult.Stored(media);
        }
        finally
        {
            DeleteWorkFolder(folder);
        }
    }

    private void DeleteWorkFolder(string? folder)
    {
        if (folder is null)
        {
            return;
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException exception)
        {
            // Only a temporary copy is left behind; the upload's outcome stands.
            logger.LogWarning(exception, "Could not delete the work folder {Folder}", folder);
        }
    }

    private MediaUploadResult TooLarge() => MediaUploadResult.Refused(MediaUploadFailure.TooLarge, TooLargeMessage(options.Value.MaxUploadBytes));

    /// <summary>What an author is told about a file over the limit, wherever it is stopped (here, or before the request is read).</summary>
    public static string TooLargeMessage(long maxUploadBytes) => string.Create(CultureInfo.InvariantCulture,
        $"The file is larger than {maxUploadBytes / (1024.0 * 1024.0):0.#} MB. Make the image smaller (crop it, or save it as JPEG or WebP) and try again.");

    private static MediaUploadResult ProcessingFailed(string problem) =>
        MediaUploadResult.Refused(MediaUploadFailure.ProcessingFailed,
            $"The image could not be processed ({problem}). The file may be damaged: save it again and try again.");

    /// <summary>Returns the stream's bytes, or null as soon as there are more than <paramref name="limit"/>.</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream content, long limit, CancellationToken cancellationToken)
    {
        if (content.CanSeek && content.Length - content.Position > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[ReadChunk];
        long total = 0;
        while (true)
        {
            // Never asks for more than one byte past the limit.
            var wanted = (int)Math.Min(chunk.Length, limit + 1 - total);
            var read = await content.ReadAsync(chunk.AsMemory(0, wanted), cancellationToken);
            if (read == 0)
            {
                return buffer.ToArray();
            }

            total += read;
            if (total > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }
    }
}
