using SkillBridge.Core.Media;

namespace SkillBridge.Core.Branding;

/// <summary>
/// The site's name, logo, favicon and accent colour as an admin set them: one row (Id 1) when set, none before, when
/// the defaults apply. <see cref="Version"/> grows with every change, so /branding.css?v= and image links change too.
/// </summary>
public sealed class SiteBranding
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public required string SiteName { get; set; }

    /// <summary>"#rrggbb", or null for the theme's own colour.</summary>
    public string? AccentColour { get; set; }

    public int? LogoMediaFileId { get; set; }

    public MediaFile? Logo { get; set; }

    public int? FaviconMediaFileId { get; set; }

    public MediaFile? Favicon { get; set; }

    public int Version { get; set; }

    public DateTime UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}
