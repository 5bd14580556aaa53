using Microsoft.Extensions.Options;
using SkillBridge.Core;
using SkillBridge.Core.Branding;

namespace SkillBridge.Web.Branding;

/// <summary>
/// The accent colour's stylesheet and the logo and favicon, open to everyone (the sign-in page shows them too, even when
/// RequireSignIn is on). Each URL carries ?v=version, so a link with the current version is cached for a long time and a
/// change shows at once.
/// </summary>
public static class BrandingEndpoints
{
    public const string StylesheetPath = "/branding.css";
    public const string LogoPath = "/branding/logo";
    public const string FaviconPath = "/branding/favicon";

    public static IEndpointRouteBuilder MapBrandingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(StylesheetPath, GetStylesheetAsync).AllowAnonymous();
        app.MapGet(LogoPath, (BrandingService branding, IOptions<SkillBridgeOptions> options, IWebHostEnvironment environment, HttpContext context) =>
            GetImageAsync(false, branding, options, environment, context)).AllowAnonymous();
        app.MapGet(FaviconPath, (BrandingService branding, IOptions<SkillBridgeOptions> options, IWebHostEnvironment environment, HttpContext context) =>
            GetImageAsync(true, branding, options, environment, context)).AllowAnonymous();
        return app;
    }

    public static string Versioned(string path, BrandingShown branding) => $"{path}?v={branding.Version}";

    private static async Task<IResult> GetStylesheetAsync(BrandingService branding, HttpContext context)
    {
        var shown = await branding.GetAsync(context.RequestAborted);
        SetCaching(context, shown);
        return TypedResults.Text(BrandingService.Stylesheet(shown), "text/css; charset=utf-8");
    }

    private static async Task<IResult> GetImageAsync(bool favicon, BrandingService branding, IOptions<SkillBridgeOptions> options, IWebHostEnvironment environment, HttpContext context)
    {
        var shown = await branding.GetAsync(context.RequestAborted);
        SetCaching(context, shown);
        if (await branding.ImageAsync(favicon, context.RequestAborted) is { } media)
        {
            var stored = Path.Combine(options.Value.ResolvedMediaPath, media.FileName);
            if (File.Exists(stored))
            {
                return TypedResults.PhysicalFile(stored, media.ContentType);
            }
        }

        // Drawn by src/SkillBridge.Covers, like the starter covers.
        var fallback = environment.WebRootFileProvider.GetFileInfo(favicon ? "branding/favicon.png" : "branding/logo.png");
        return fallback.PhysicalPath is { } path ? TypedResults.PhysicalFile(path, "image/png") : TypedResults.NotFound();
    }

    private static void SetCaching(HttpContext context, BrandingShown shown) =>
        context.Response.Headers.CacheControl = context.Request.Query["v"] == shown.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)
            ? "public, max-age=31536000, immutable"
            : "no-cache";
}
