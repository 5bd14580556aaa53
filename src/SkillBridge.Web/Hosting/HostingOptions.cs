namespace SkillBridge.Web.Hosting;

/// <summary>Which Host headers the site answers and which proxies it believes (README, Security › Hosts and proxies).</summary>
public sealed class HostingOptions
{
    /// <summary>Host names answered besides SkillBridge:SiteUrl's host and the loopback names, e.g. an internal name.</summary>
    public List<string> AllowedHosts { get; set; } = [];

    public ForwardedHeadersSettings ForwardedHeaders { get; set; } = new();
}

/// <summary>Proxies whose X-Forwarded-For and X-Forwarded-Proto are believed; nobody's by default.</summary>
public sealed class ForwardedHeadersSettings
{
    /// <summary>Proxy addresses, e.g. 10.0.0.5 or 127.0.0.1 for a proxy on the same machine.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR form, e.g. 10.0.0.0/24.</summary>
    public List<string> KnownNetworks { get; set; } = [];
}
