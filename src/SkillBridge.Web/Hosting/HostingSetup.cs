using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SkillBridge.Core;

namespace SkillBridge.Web.Hosting;

/// <summary>
/// The Host headers the site answers (a forged Host must never reach a page that builds links) and the proxies whose
/// forwarded headers it believes, so that behind a TLS proxy cookies are Secure and HSTS is sent.
/// </summary>
public static class HostingSetup
{
    public const string HealthzPath = "/healthz";

    private static readonly string[] _loopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    public static IHostApplicationBuilder AddSkillBridgeHosting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<HostingOptions>().BindConfiguration(SkillBridgeOptions.Section)
            .Validate(
                hosting => hosting.ForwardedHeaders.KnownProxies.All(proxy => IPAddress.TryParse(proxy, out _)),
                "SkillBridge:ForwardedHeaders:KnownProxies must list IP addresses, such as 10.0.0.5.")
            .Validate(
                hosting => hosting.ForwardedHeaders.KnownNetworks.All(network => System.Net.IPNetwork.TryParse(network, out _)),
                "SkillBridge:ForwardedHeaders:KnownNetworks must list networks in CIDR form, such as 10.0.0.0/24.")
            .ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<HostingOptions>>((options, hosting) =>
        {
            // Not X-Forwarded-Host: the Host a request names is checked, never replaced by a header anyone can send.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // ASP.NET trusts loopback by default; here only the proxies the settings name are believed.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in hosting.Value.ForwardedHeaders.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in hosting.Value.ForwardedHeaders.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return builder;
    }

    /// <summary>First in the pipeline: refuse unknown hosts (except the load balancers' probe), then read forwarded headers.</summary>
    public static WebApplication UseSkillBridgeHosting(this WebApplication app)
    {
        var allowed = AllowedHosts(
            app.Services.GetRequiredService<IOptions<SkillBridgeOptions>>().Value.SiteUrl,
            app.Services.GetRequiredService<IOptions<HostingOptions>>().Value.AllowedHosts);
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            var isProbe = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && request.Path.Equals(HealthzPath, StringComparison.OrdinalIgnoreCase);
            if (isProbe || (request.Host.HasValue && allowed.Contains(request.Host.Host)))
            {
                await next(context);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("Bad Request: unknown host.");
        });
        app.UseForwardedHeaders();
        return app;
    }

    /// <summary>The site address's host, the loopback names and the extra hosts the settings list.</summary>
    public static HashSet<string> AllowedHosts(string? siteUrl, IEnumerable<string> extra)
    {
        var hosts = new HashSet<string>(_loopbackHosts, StringComparer.OrdinalIgnoreCase);
        if (Uri.TryCreate(siteUrl, UriKind.Absolute, out var site))
        {
            hosts.Add(site.Host);
        }

        foreach (var host in extra.Where(h => !string.IsNullOrWhiteSpace(h)))
        {
            hosts.Add(host.Trim());
        }

        return hosts;
    }

    /// <summary>Load balancers probe this without signing in and with any Host; it says only Healthy or Unhealthy (503).</summary>
    public static IEndpointConventionBuilder MapHealthz(this IEndpointRouteBuilder app) =>
        app.MapHealthChecks(HealthzPath, new HealthCheckOptions { ResponseWriter = WriteStatusAsync }).AllowAnonymous();

    private static Task WriteStatusAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new { status = report.Status.ToString() }));
    }
}
