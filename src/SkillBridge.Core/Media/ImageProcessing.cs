using Microsoft.Extensions.Options;

namespace SkillBridge.Core.Media;

/// <summary>Whether libvips is available to make resized variants; without it the site serves originals.</summary>
public sealed class ImageProcessing(IOptions<SkillBridgeOptions> options, IOptions<MediaOptions> media)
{
    private readonly Lazy<string?> _vipsThumbnail = new(() => FindOnPath("vipsthumbnail"));
    private readonly Lazy<string?> _prlimit = new(() => FindOnPath("prlimit"));

    public string? VipsThumbnailPath => options.Value.UseLibvips ? _vipsThumbnail.Value : null;

    public bool ResizesImages => VipsThumbnailPath is not null;

    /// <summary>util-linux's prlimit, which runs libvips under a memory limit; null when it is not installed.</summary>
    public string? PrlimitPath => _prlimit.Value;

    public string Describe() =>
        ResizesImages
            ? $"libvips ({VipsThumbnailPath}): images are resized into responsive variants (480, 960, 1600 px); metadata is stripped from every image; {DescribeLimits()}"
            : options.Value.UseLibvips
                ? "libvips not found (install libvips-tools): original images are served, with their metadata stripped"
                : "libvips turned off by the SkillBridge:UseLibvips setting: original images are served, with their metadata stripped";

    private string DescribeLimits()
    {
        var limits = media.Value;
        var runs = limits.MaxConcurrentProcessing > 0 ? limits.MaxConcurrentProcessing : Environment.ProcessorCount;
        var memory = limits.ProcessingMemoryLimitBytes <= 0
            ? "no memory limit"
            : PrlimitPath is null
                ? "no memory limit (prlimit not found: install util-linux)"
                : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{limits.ProcessingMemoryLimitBytes / (1024 * 1024)} MB of memory per run");
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"at most {runs} libvips runs and {limits.MaxPixelsInFlight / 1_000_000.0:0.#} million pixels at once, {memory}");
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
}
