using Microsoft.Extensions.Options;

namespace SkillBridge.Core.Mail;

/// <summary>
/// Whether the site sends mail, and why not. Mail needs an SMTP server (SkillBridge:Smtp:Host) and the site's public
/// address (SkillBridge:SiteUrl): every link in a mail is built from that address, never from a request's Host header,
/// which anyone can forge to point a password-reset link at their own server.
/// </summary>
public sealed class MailStatus(IOptions<SkillBridgeOptions> options)
{
    public bool IsOn => Problem is null && SmtpConfigured;

    public bool SmtpConfigured => !string.IsNullOrWhiteSpace(options.Value.Smtp.Host);

    /// <summary>The configured site address without a trailing slash, or null when it is missing or not an http(s) address.</summary>
    public string? SiteUrl =>
        Uri.TryCreate(options.Value.SiteUrl?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.GetLeftPart(UriPartial.Path).TrimEnd('/')
            : null;

    /// <summary>Set when SMTP is configured but mail stays off; the text start-up logs and /health shows.</summary>
    public string? Problem => SmtpConfigured && SiteUrl is null
        ? string.IsNullOrWhiteSpace(options.Value.SiteUrl)
            ? "Mail is off: SkillBridge:Smtp:Host is set but SkillBridge:SiteUrl is not. Links in mail are built only from the site's configured address, so set SkillBridge:SiteUrl (for example https://skills.example.com) to turn mail on."
            : $"Mail is off: SkillBridge:SiteUrl \"{options.Value.SiteUrl}\" is not an http or https address. Set it to the site's public address (for example https://skills.example.com) to turn mail on."
        : null;

    /// <summary>One line for the health page.</summary>
    public string Describe() =>
        Problem ?? (IsOn ? $"On: links in mail point to {SiteUrl}" : "Off: SkillBridge:Smtp:Host is not set");

    /// <summary>An absolute link for a mail; only meaningful while <see cref="IsOn"/>.</summary>
    public string Link(string pathAndQuery) => (SiteUrl ?? "") + pathAndQuery;
}
