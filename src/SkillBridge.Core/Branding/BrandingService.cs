using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Data;
using SkillBridge.Core.Media;

namespace SkillBridge.Core.Branding;

/// <summary>The branding every page shows. Version 0 means nothing was set: the defaults.</summary>
public sealed record BrandingShown(string SiteName, string? AccentColour, string? LogoUrl, string? FaviconUrl, int Version)
{
    public const string DefaultSiteName = "SkillBridge";

    public static readonly BrandingShown Default = new(DefaultSiteName, null, null, null, 0);
}

public sealed record BrandingChange(
    string? SiteName,
    string? AccentColour,
    ImageUpload? Logo = null,
    ImageUpload? Favicon = null,
    bool UseDefaultLogo = false,
    bool UseDefaultFavicon = false);

public enum BrandingSaveStatus
{
    Saved,
    Invalid,
}

/// <summary>Saved, or the problems by field (SiteName, AccentColour, Logo, Favicon), each a sentence for the admin.</summary>
public sealed record BrandingSaveResult(BrandingSaveStatus Status, IReadOnlyDictionary<string, string> Problems)
{
    public static BrandingSaveResult Saved() => new(BrandingSaveStatus.Saved, new Dictionary<string, string>());
}

/// <summary>
/// Reads and changes the site's name, logo, favicon and accent colour. Pages read it on every request, so it is kept
/// in memory for a few seconds; another web node sees a change within that time.
/// </summary>
public sealed class BrandingService(SkillBridgeDbContext db, MediaUploadService uploads, AuditLog audit, IMemoryCache cache, TimeProvider clock)
{
    public const int MaxSiteNameLength = 60;

    private static readonly object CacheKey = new();
    private static readonly TimeSpan KeepFor = TimeSpan.FromSeconds(10);

    public async Task<BrandingShown> GetAsync(CancellationToken cancellationToken = default) =>
        (await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = KeepFor;
            var row = await db.SiteBranding.AsNoTracking()
                .Where(b => b.Id == SiteBranding.SingletonId)
                .Select(b => new
                {
                    b.SiteName,
                    b.AccentColour,
                    b.Version,
                    Logo = b.Logo == null ? null : new { b.Logo.Sha256, b.Logo.ContentType },
                    Favicon = b.Favicon == null ? null : new { b.Favicon.Sha256, b.Favicon.ContentType },
                })
                .FirstOrDefaultAsync(cancellationToken);
            return row is null
                ? BrandingShown.Default
                : new BrandingShown(row.SiteName, row.AccentColour,
                    row.Logo is null ? null : MediaUrls.Of(row.Logo.Sha256, row.Logo.ContentType),
                    row.Favicon is null ? null : MediaUrls.Of(row.Favicon.Sha256, row.Favicon.ContentType),
                    row.Version);
        }))!;

    /// <summary>The stored logo or favicon, or null for the default one.</summary>
    public async Task<MediaFile?> ImageAsync(bool favicon, CancellationToken cancellationToken = default) =>
        await db.SiteBranding.AsNoTracking()
            .Where(b => b.Id == SiteBranding.SingletonId)
            .Select(b => favicon ? b.Favicon : b.Logo)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The stylesheet the layout links for the accent colour: empty of rules when none is set.</summary>
    public static string Stylesheet(BrandingShown branding) =>
        branding.AccentColour is not { } accent
            ? "/* No accent colour is set: the theme's own is used. */\n"
            : string.Create(CultureInfo.InvariantCulture, $$"""
                /* The accent colour an admin set (Admin > Branding). High-contrast themes do not load this file. */
                :root {
                  --color-accent: {{accent}};
                  --color-accent-text: {{AccentContrast.TextColour}};
                  --color-accent-soft: color-mix(in srgb, {{accent}} 12%, #ffffff);
                }

                """);

    public async Task<BrandingSaveResult> SaveAsync(BrandingChange change, string actorUsername, CancellationToken cancellationToken = default)
    {
        var problems = new Dictionary<string, string>();
        var siteName = change.SiteName?.Trim() ?? "";
        if (siteName.Length == 0)
        {
            problems["SiteName"] = "Enter the site's name.";
        }
        else if (siteName.Length > MaxSiteNameLength)
        {
            problems["SiteName"] = $"The site's name can be at most {MaxSiteNameLength} characters.";
        }

        string? accent = null;
        if (!string.IsNullOrWhiteSpace(change.AccentColour))
        {
            accent = AccentContrast.Normalise(change.AccentColour);
            if (accent is null)
            {
                problems["AccentColour"] = "Write the colour as # and six hexadecimal digits, for example #0b5cad, or leave it empty for the theme's colour.";
            }
            else if (AccentContrast.Ratio(accent, AccentContrast.TextColour) is var ratio && ratio < AccentContrast.Minimum)
            {
                problems["AccentColour"] = string.Create(CultureInfo.InvariantCulture,
                    $"White text on {accent} has a contrast of only {Math.Floor(ratio * 10) / 10:0.0}:1, and it needs at least 4.5:1 to be readable. Choose a darker colour.");
            }
        }

        if (problems.Count > 0)
        {
            return new BrandingSaveResult(BrandingSaveStatus.Invalid, problems);
        }

        var logo = await StoreAsync(change.Logo, "Logo", problems, cancellationToken);
        var favicon = await StoreAsync(change.Favicon, "Favicon", problems, cancellationToken);
        if (problems.Count > 0)
        {
            return new BrandingSaveResult(BrandingSaveStatus.Invalid, problems);
        }

        var row = await db.SiteBranding.FirstOrDefaultAsync(b => b.Id == SiteBranding.SingletonId, cancellationToken);
        if (row is null)
        {
            row = new SiteBranding { SiteName = siteName, UpdatedBy = actorUsername };
            db.SiteBranding.Add(row);
        }

        var changes = new List<string>();
        if (row.SiteName != siteName || row.Version == 0)
        {
            changes.Add($"name “{siteName}”");
        }

        if (row.AccentColour != accent)
        {
            changes.Add(accent is null ? "the theme's accent colour" : $"accent colour {accent}");
        }

        row.SiteName = siteName;
        row.AccentColour = accent;
        if (logo is not null || change.UseDefaultLogo)
        {
            row.LogoMediaFileId = change.UseDefaultLogo ? null : logo!.Id;
            changes.Add(change.UseDefaultLogo ? "the default logo" : "a new logo");
        }

        if (favicon is not null || change.UseDefaultFavicon)
        {
            row.FaviconMediaFileId = change.UseDefaultFavicon ? null : favicon!.Id;
            changes.Add(change.UseDefaultFavicon ? "the default favicon" : "a new favicon");
        }

        row.Version++;
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        row.UpdatedBy = actorUsername;
        await audit.RecordAsync(AuditAction.BrandingChanged, actorUsername, "Site branding", changes.Count == 0 ? "Saved without changes" : string.Join("; ", changes), cancellationToken);
        cache.Remove(CacheKey);
        return BrandingSaveResult.Saved();
    }

    private async Task<MediaFile?> StoreAsync(ImageUpload? upload, string field, Dictionary<string, string> problems, CancellationToken cancellationToken)
    {
        if (upload is null)
        {
            return null;
        }

        var result = await uploads.UploadAsync(upload.Content, upload.FileName, upload.ContentType, cancellationToken);
        if (!result.Succeeded)
        {
            problems[field] = result.Message!;
        }

        return result.Media;
    }
}
