using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using SkillBridge.Core;
using SkillBridge.Core.Media;
using SkillBridge.Web.Accounts;

namespace SkillBridge.Web.Endpoints;

/// <summary>Serves stored images and their resized variants by their content name, with the type that was checked when they were stored.</summary>
public static partial class MediaEndpoints
{
    public static IEndpointRouteBuilder MapMediaEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/media/{fileName}", GetMedia).RequireAuthorization(Policies.Read);
        return app;
    }

    private static IResult GetMedia(string fileName, IOptions<SkillBridgeOptions> options, HttpContext context)
    {
        var match = MediaFileName().Match(fileName);
        if (!match.Success)
        {
            return TypedResults.NotFound();
        }

        var contentType = match.Groups["ext"].Value switch
        {
            "png" => ImageFormats.Png,
            "jpg" => ImageFormats.Jpeg,
            "gif" => ImageFormats.Gif,
            _ => ImageFormats.WebP,
        };
        var path = Path.Combine(options.Value.ResolvedMediaPath, fileName);
        if (!File.Exists(path))
        {
            return TypedResults.NotFound();
        }

        // Named by content, so a URL never changes meaning: cache for a year.
        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return TypedResults.PhysicalFile(path, contentType);
    }

    /// <summary>"{sha256}.{ext}" for an original, "{sha256}-{width}.{ext}" for a variant.</summary>
    [GeneratedRegex("^[0-9a-f]{64}(-[1-9][0-9]{0,4})?\\.(?<ext>png|jpg|gif|webp)\\z")]
    private static partial Regex MediaFileName();
}
