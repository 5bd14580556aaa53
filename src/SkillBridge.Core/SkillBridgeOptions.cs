namespace SkillBridge.Core;

/// <summary>Settings under "SkillBridge" in appsettings.json or environment variables (SkillBridge__DataPath, ...).</summary>
public sealed class SkillBridgeOptions
{
    public const string Section = "SkillBridge";

    /// <summary>Folder for the SQLite database and the media folder. Relative paths are relative to the content root.</summary>
    public string DataPath { get; set; } = "data";

    /// <summary>Sqlite (default) or PostgreSQL.</summary>
    public DatabaseProvider DatabaseProvider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Overrides the database connection; for SQLite the default is a file in DataPath.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Apply pending migrations when the site (or a command that uses its database) starts. When false, a node whose
    /// database lacks migrations refuses to start and names the <c>migrate</c> command, so that one deliberate run
    /// (after a backup) upgrades a database that several nodes share.
    /// </summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>Where uploaded and imported images are kept; defaults to DataPath/media.</summary>
    public string? MediaPath { get; set; }

    /// <summary>The starter content imported when the database holds no modules; found beside the solution when empty.</summary>
    public string? StarterContentPath { get; set; }

    /// <summary>Import the starter content on start-up when the database holds no modules.</summary>
    public bool ImportStarterContent { get; set; } = true;

    /// <summary>Folder holding one sub-folder per theme; found beside the solution when empty.</summary>
    public string? ThemesPath { get; set; }

    /// <summary>The site's theme, a folder name under ThemesPath.</summary>
    public string Theme { get; set; } = "default";

    /// <summary>Use libvips (vipsthumbnail on the PATH) for image variants when it is installed.</summary>
    public bool UseLibvips { get; set; } = true;

    /// <summary>Modules per catalogue page.</summary>
    public int CataloguePageSize { get; set; } = 12;

    public const string DefaultTimeZoneId = "Europe/London";

    /// <summary>When true, only signed-in people can read the catalogue, modules, paths and profiles.</summary>
    public bool RequireSignIn { get; set; }

    /// <summary>IANA time zone for new accounts and anonymous visitors (design.md, Time).</summary>
    public string DefaultTimeZone { get; set; } = DefaultTimeZoneId;

    public const string DefaultCulture = "en-GB";

    /// <summary>
    /// The culture pages are formatted in (day and month names, the short date form a typed date may use), applied as
    /// every request's culture. One culture for the whole site, never negotiated from the browser.
    /// </summary>
    public string Culture { get; set; } = DefaultCulture;

    /// <summary>The site's public address (https://skills.example.com) for links in mail; the request's own address when empty.</summary>
    public string? SiteUrl { get; set; }

    public AccountOptions Accounts { get; set; } = new();

    public SmtpOptions Smtp { get; set; } = new();

    public Publishing.PublishingOptions Publishing { get; set; } = new();

    public Content.ContentOptions Content { get; set; } = new();

    public Search.SearchOptions Search { get; set; } = new();

    /// <summary>Set by the host once the content root is known: absolute DataPath.</summary>
    public string ResolvedDataPath { get; set; } = "";

    public string ResolvedMediaPath => Path.GetFullPath(MediaPath ?? Path.Combine(ResolvedDataPath, "media"), ResolvedDataPath);
}

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>Settings under SkillBridge:Accounts.</summary>
public sealed class AccountOptions
{
    /// <summary>Let anyone create a learner account at /account/register. Off: admins invite people.</summary>
    public bool AllowSelfRegistration { get; set; }
}

/// <summary>Settings under SkillBridge:Smtp. Mail is sent only when Host is set.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string From { get; set; } = "skillbridge@localhost";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public bool EnableSsl { get; set; } = true;
}
