using System.Text.RegularExpressions;

namespace SkillBridge.Core.Content;

/// <summary>SkillBridge:Content settings.</summary>
public sealed partial class ContentOptions
{
    /// <summary>
    /// Hosts whose images modules may embed (e.g. <c>images.example.com</c>); none by default, so a module shows only the
    /// site's own images and cannot carry a tracking pixel. The Content-Security-Policy's img-src lists the same hosts.
    /// </summary>
    public List<string> AllowedImageHosts { get; set; } = [];

    /// <summary>The allowed hosts in lower case; anything that is not a plain host name (a CSP keyword, a URL) is ignored.</summary>
    public IReadOnlyList<string> ImageHosts() =>
        AllowedImageHosts.Select(h => h.Trim().ToLowerInvariant()).Where(h => HostName().IsMatch(h)).Distinct(StringComparer.Ordinal).ToList();

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$")]
    private static partial Regex HostName();
}
