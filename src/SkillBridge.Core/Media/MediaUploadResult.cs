namespace SkillBridge.Core.Media;

/// <summary>Why an image was refused; each comes with a message written for the author.</summary>
public enum MediaUploadFailure
{
    Empty,
    TooLarge,
    NotAnImage,
    ExtensionMismatch,
    TooManyPixels,
    DimensionsUnreadable,
    ProcessingFailed,

    /// <summary>The image could not get its turn within the start timeout: the server is busy with other images.</summary>
    Busy,
}

/// <summary>The stored image, or the named reason it was refused and a plain message saying so.</summary>
public sealed record MediaUploadResult
{
    private MediaUploadResult(MediaFile? media, MediaUploadFailure? failure, string? message)
    {
        Media = media;
        Failure = failure;
        Message = message;
    }

    public MediaFile? Media { get; }

    public MediaUploadFailure? Failure { get; }

    public string? Message { get; }

    public bool Succeeded => Media is not null;

    public static MediaUploadResult Stored(MediaFile media) => new(media, null, null);

    public static MediaUploadResult Refused(MediaUploadFailure failure, string message) => new(null, failure, message);
}
