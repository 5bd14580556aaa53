using System.Diagnostics;
using System.Globalization;
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
/// Makes responsive variants with libvips' vipsthumbnail, run out of process with a time limit, under a memory limit
/// (prlimit --as), on one thread, and with untrusted loaders blocked (VIPS_BLOCK_UNTRUSTED), only ever on bytes already
/// checked to be PNG, JPEG or WebP. The original is decoded once: its largest variant is made first as an uncompressed
/// PNG, and every variant is made from that small copy.
/// </summary>
public sealed class ImageVariantMaker(ImageProcessing processing, IProcessRunner runner, IOptions<MediaOptions> options, ILogger<ImageVariantMaker> logger)
{
    /// <summary>
    /// The small copy avatars load (32 px circles, 48 on the profile card, at up to 2x density) instead of a
    /// multi-megabyte original; content images' srcset leaves it out (<see cref="ContentWidths"/>).
    /// </summary>
    public const int AvatarWidth = 96;

    /// <summary>Widths made when the original is wider; 1600 covers the 46rem column at 200% text on a high-density screen.</summary>
    public static IReadOnlyList<int> Widths { get; } = [AvatarWidth, 480, 960, 1600];

    /// <summary>Whether a variant of this width belongs in a content image's srcset (the avatar copy does not).</summary>
    public static bool IsContentWidth(int width) => width > AvatarWidth;

    // One thread per run: the gate already allows one run per core.
    private static readonly Dictionary<string, string> VipsEnvironment = new(StringComparer.Ordinal)
    {
        ["VIPS_BLOCK_UNTRUSTED"] = "1",
        ["VIPS_CONCURRENCY"] = "1",
    };

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

        var widths = WidthsFor(info);
        if (widths.Count == 0)
        {
            return new VariantsMade([], null);
        }

        var timeLimit = TimeSpan.FromSeconds(Math.Max(1, options.Value.ProcessingTimeoutSeconds));
        var started = Stopwatch.GetTimestamp();
        var extension = ImageFormats.ExtensionFor(info.ContentType);
        // vips 8.14 save options: strip drops metadata libvips would otherwise copy; Q only means something for lossy formats.
        var saveOptions = info.ContentType == ImageFormats.Png ? "[strip]" : "[Q=85,strip]";
        var source = original;
        if (widths.Count > 1)
        {
            // The one decode of the original: a lossless copy at the largest width that the others are made from.
            source = Path.Combine(folder, "largest.png");
            var problem = await RunAsync(vipsThumbnail, [original, "--size", Size(widths[^1]), "--output", source + "[compression=0]"], started, timeLimit, cancellationToken);
            if (problem is not null)
            {
                return new VariantsMade([], problem);
            }
        }

        var files = new List<VariantFile>();
        foreach (var width in widths)
        {
            var output = Path.Combine(folder, $"variant-{width.ToString(CultureInfo.InvariantCulture)}{extension}");
            var problem = await RunAsync(vipsThumbnail, [source, "--size", Size(width), "--output", output + saveOptions], started, timeLimit, cancellationToken);
            if (problem is not null)
            {
                return new VariantsMade([], problem);
            }

            if (!File.Exists(output))
            {
                logger.LogWarning("vipsthumbnail wrote no {Width} px variant", width);
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

    private static string Size(int width) => width.ToString(CultureInfo.InvariantCulture) + "x";

    /// <summary>Runs vipsthumbnail (under prlimit when a memory limit is set) within what is left of the image's time limit; the problem, or null.</summary>
    private async Task<string?> RunAsync(string vipsThumbnail, string[] arguments, long started, TimeSpan timeLimit, CancellationToken cancellationToken)
    {
        var memoryLimit = options.Value.ProcessingMemoryLimitBytes;
        var (program, allArguments) = memoryLimit > 0 && processing.PrlimitPath is { } prlimit
            ? (prlimit, (IReadOnlyList<string>)[$"--as={memoryLimit.ToString(CultureInfo.InvariantCulture)}", "--", vipsThumbnail, .. arguments])
            : (vipsThumbnail, arguments);
        var left = timeLimit - Stopwatch.GetElapsedTime(started);
        var outcome = left <= TimeSpan.Zero
            ? new ProcessOutcome(0, -1, "", TimedOut: true)
            : await runner.RunAsync(program, allArguments, VipsEnvironment, left, cancellationToken);
        if (outcome.TimedOut)
        {
            logger.LogWarning("vipsthumbnail took longer than {Seconds} s and was stopped", timeLimit.TotalSeconds);
            return $"it took longer than {timeLimit.TotalSeconds:0} seconds";
        }

        if (!outcome.Succeeded)
        {
            logger.LogWarning("vipsthumbnail failed with exit code {ExitCode}: {Error}", outcome.ExitCode, outcome.StandardError.Trim());
            return "libvips could not read it";
        }

        return null;
    }
}
