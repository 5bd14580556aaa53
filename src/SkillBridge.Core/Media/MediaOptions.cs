namespace SkillBridge.Core.Media;

/// <summary>Settings under "SkillBridge:Media": the limits an uploaded or imported image must stay within.</summary>
public sealed class MediaOptions
{
    public const string Section = "SkillBridge:Media";

    /// <summary>Largest file accepted, in bytes; reading stops one byte past it.</summary>
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Largest width × height accepted, decided from the header before anything decodes the image.</summary>
    public long MaxPixels { get; set; } = 40_000_000;

    /// <summary>How long libvips may take to make one image's variants before it is stopped.</summary>
    public int ProcessingTimeoutSeconds { get; set; } = 20;
}
