using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SkillBridge.Core.Media;

/// <summary>A resized copy written by libvips into a work folder, checked by its bytes.</summary>
public sealed record VariantFile(int Width, int Height, long Length, string Path);

/// <summary>The variants made for one image, or why none could be made.</summary>
public sealed record VariantsMade(IReadOnlyList<VariantFile> Files, string? Problem)
{
    public bool Succeeded => Problem is null;
}

/// <summary>
/// Makes responsive variants with libvips' vipsthumbnail, run out of process with a time limit and with untrusted
/// loaders blocked (VIPS_BLOCK_UNTRUSTED), only ever on bytes already checked to be PNG, JPEG or WebP.
/// </summary>
public sealed class ImageVariantMaker(ImageProcessing processing, IOptions<MediaOptions> options, ILogger<ImageVariantMaker> logger)
{
    /// <summary>Widths made when the original is wider; 1600 covers the 46rem column at 200% text on a high-density screen.</summary>
    public static IReadOnlyList<int> Widths { get; } = [480, 960, 1600];

    private static readonly Dictionary<string, string> VipsEnvironment = new(StringComparer.Ordinal) { ["VIPS_BLOCK_UNTRUSTED"] = "1" };

    public bool IsOn => processing.VipsThumbnailPath is not null;

    /// <summary>The widths an image gets: those smaller than it; GIFs get none (vipsthumbnail would keep one frame).</summary>
    public static IReadOnlyList<int> WidthsFor(ImageInfo info) =>
        info.ContentType == ImageFormats.Gif ? [] : [.. Widths.Where(width => width < info.Width)];

    /// <param name="original">The stripped original, already written to <paramref name="folder"/>.</param>
    public async Task<VariantsMade> MakeAsync(string original, ImageInfo info, string folder, CancellationToken cancellationToken)
    {
        if (processing.VipsThumbnailPath is not { } vipsThumbnail)
        {
            return new VariantsMade([], null);
        }

        var timeLimit = TimeSpan.FromSeconds(Math.Max(1, options.Value.ProcessingTimeoutSeconds));
        var extension = ImageFormats.ExtensionFor(info.ContentType);
        // vips 8.14 save options: strip drops metadata libvips would otherwise copy; Q only means something for lossy formats.
        var saveOptions = info.ContentType == ImageFormats.Png ? "[strip]" : "[Q=85,strip]";
        var files = new List<VariantFile>();
        foreach (var width in WidthsFor(info))
        {
            var output = Path.Combine(folder, $"variant-{width}{extension}");
            string[] arguments = [original, "--size", $"{width}x", "--output", output + saveOptions];
            var outcome = await ExternalProcess.RunAsync(vipsThumbnail, arguments, VipsEnvironment, timeLimit, cancellationToken);
            if (outcome.TimedOut)
            {
                logger.LogWarning("vipsthumbnail took longer than {Seconds} s for a {Width} px variant and was stopped", timeLimit.TotalSeconds, width);
                return new VariantsMade([], $"it took longer than {timeLimit.TotalSeconds:0} seconds");
            }

            if (!outcome.Succeeded || !File.Exists(output))
            {
                logger.LogWarning("vipsthumbnail failed with exit code {ExitCode}: {Error}", outcome.ExitCode, outcome.StandardError.Trim());
                return new VariantsMade([], "libvips could not read it");
            }

            var bytes = await File.ReadAllBytesAsync(output, cancellationToken);
            if (ImageFormats.Identify(bytes) is not { } made || made.ContentType != info.ContentType)
            {
                logger.LogWarning("vipsthumbnail wrote something that is not a {ContentType} image", info.ContentType);
                return new VariantsMade([], "libvips wrote an unexpected file");
            }

            files.Add(new VariantFile(made.Width, made.Height, bytes.LongLength, output));
        }

        return new VariantsMade(files, null);
    }
}
