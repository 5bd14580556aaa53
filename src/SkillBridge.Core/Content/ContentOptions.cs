namespace SkillBridge.Core.Content;

/// <summary>SkillBridge:Content settings.</summary>
public sealed class ContentOptions
{
    /// <summary>
    /// Hosts whose images modules may embed (e.g. <c>images.example.com</c>); none by default, so a module shows only the
    /// site's own images and cannot carry a tracking pixel. The Content-Security-Policy's img-src lists the same hosts.
    /// </summary>
    public List<string> AllowedImageHosts { get; set; } = [];
}
