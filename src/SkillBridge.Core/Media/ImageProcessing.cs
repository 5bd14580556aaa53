using Microsoft.Extensions.Options;

namespace SkillBridge.Core.Media;

/// <summary>Whether libvips is available to make resized variants; without it the site serves originals.</summary>
public sealed class ImageProcessing(IOptions<SkillBridgeOptions> options)
{
    private readonly Lazy<string?> _vipsThumbnail = new(() => FindOnPath("vipsthumbnail"));

    public string? VipsThumbnailPath => options.Value.UseLibvips ? _vipsThumbnail.Value : null;

    public bool ResizesImages => VipsThumbnailPath is not null;

    public string Describe() =>
        ResizesImages
            ? $"libvips ({VipsThumbnailPath}): images are resized into responsive variants (480, 960, 1600 px); metadata is stripped from every image"
            : options.Value.UseLibvips
                ? "libvips not found (install libvips-tools): original images are served, with their metadata stripped"
                : "libvips turned off by the SkillBridge:UseLibvips setting: original images are served, with their metadata stripped";

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
}
