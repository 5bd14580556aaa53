using System.Text.Json;
using Microsoft.Extensions.Options;
using SkillBridge.Core;

namespace SkillBridge.Web.Theming;

/// <summary>A theme folder's manifest, themes/NAME/theme.json.</summary>
public sealed record ThemeManifest(string Name, string Description, string Stylesheet, bool HighContrast)
{
    public string Folder { get; init; } = "";

    public string StylesheetUrl => $"/themes/{Folder}/{Stylesheet}";
}

/// <summary>The themes found in the themes folder, read once at start-up.</summary>
public sealed class ThemeCatalog
{
    private static readonly JsonSerializerOptions ManifestJson = new() { PropertyNameCaseInsensitive = true };

    private readonly Dictionary<string, ThemeManifest> _themes;

    public ThemeCatalog(IOptions<SkillBridgeOptions> options, IWebHostEnvironment environment)
    {
        ThemesPath = options.Value.ThemesPath is { Length: > 0 } configured
            ? Path.GetFullPath(configured, environment.ContentRootPath)
            : SolutionFolders.Find("themes", environment.ContentRootPath)
              ?? throw new DirectoryNotFoundException("No themes folder was found; set SkillBridge:ThemesPath.");

        _themes = Directory.EnumerateDirectories(ThemesPath)
            .Select(folder => (folder, manifest: Path.Combine(folder, "theme.json")))
            .Where(x => File.Exists(x.manifest))
            .Select(x => JsonSerializer.Deserialize<ThemeManifest>(File.ReadAllText(x.manifest), ManifestJson)! with { Folder = Path.GetFileName(x.folder) })
            .ToDictionary(t => t.Folder, StringComparer.OrdinalIgnoreCase);

        SiteTheme = _themes.GetValueOrDefault(options.Value.Theme)
            ?? throw new InvalidOperationException($"The theme '{options.Value.Theme}' set in SkillBridge:Theme has no folder with a theme.json in {ThemesPath}.");
    }

    public string ThemesPath { get; }

    public ThemeManifest SiteTheme { get; }

    public IReadOnlyCollection<ThemeManifest> All => _themes.Values;

    /// <summary>The site theme, or the first high-contrast theme when the visitor asked for high contrast.</summary>
    public ThemeManifest For(DisplayPreferences preferences) =>
        preferences.Contrast == ContrastPreference.High && !SiteTheme.HighContrast
            ? _themes.Values.FirstOrDefault(t => t.HighContrast) ?? SiteTheme
            : SiteTheme;
}
