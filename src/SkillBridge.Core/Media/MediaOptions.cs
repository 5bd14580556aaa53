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

    /// <summary>libvips runs at once in this process; 0 means one per core (<see cref="Environment.ProcessorCount"/>).</summary>
    public int MaxConcurrentProcessing { get; set; }

    /// <summary>Decoded pixels (width × height from the header) being processed at once, across all uploads and imports.</summary>
    public long MaxPixelsInFlight { get; set; } = 80_000_000;

    /// <summary>How long an image may wait for its turn before the upload is answered "busy" (503).</summary>
    public double ProcessingStartTimeoutSeconds { get; set; } = 30;

    /// <summary>Address space each libvips run may use (prlimit --as), in bytes; 0 runs it without a limit.</summary>
    public long ProcessingMemoryLimitBytes { get; set; } = 1024L * 1024 * 1024;
}
