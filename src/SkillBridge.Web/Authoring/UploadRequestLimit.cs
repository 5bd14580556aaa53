using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;
using SkillBridge.Core.Media;

namespace SkillBridge.Web.Authoring;

/// <summary>
/// Posts to the module editor carry its image field, so a file far over the upload limit would otherwise fail while the
/// form is read (Kestrel's request limit) with a generic error page or, for a pasted image, a dropped connection. Such a
/// post is answered before anything is read: the paste and drop API gets 413 with the "too large" message as JSON, the
/// form is sent back to the editor with the same message next to the image field.
/// </summary>
public static partial class UploadRequestLimit
{
    /// <summary>Room for the editor's other fields (the module text) beside the image.</summary>
    public const long FormAllowanceBytes = 2 * 1024 * 1024;

    public const string ProblemKey = "UploadProblem";

    public static void UseUploadRequestLimit(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (!HttpMethods.IsPost(request.Method) || EditorPath().Match(request.Path.Value ?? "") is not { Success: true } editor || editor.Groups["slug"].Value == "new")
            {
                await next(context);
                return;
            }

            var maxUploadBytes = context.RequestServices.GetRequiredService<IOptions<MediaOptions>>().Value.MaxUploadBytes;
            var limit = maxUploadBytes + FormAllowanceBytes;
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            {
                // A request without a length (chunked) is cut at the same point, with the same answer below.
                bodySize.MaxRequestBodySize = limit;
            }

            if (request.ContentLength > limit)
            {
                await RefuseAsync(context, editor.Groups["slug"].Value, maxUploadBytes);
                return;
            }

            try
            {
                await next(context);
            }
            catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
            {
                await RefuseAsync(context, editor.Groups["slug"].Value, maxUploadBytes);
            }
        });

    private static async Task RefuseAsync(HttpContext context, string slug, long maxUploadBytes)
    {
        var message = MediaUploadService.TooLargeMessage(maxUploadBytes);
        if (string.Equals(context.Request.Query["handler"], "UploadImage", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await context.Response.WriteAsJsonAsync(new { message });
            return;
        }

        var tempData = context.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(context);
        tempData[ProblemKey] = message;
        tempData.Save();
        context.Response.Redirect($"/authoring/{Uri.EscapeDataString(slug)}#image-upload");
    }

    [GeneratedRegex("^/authoring/(?<slug>[^/]+)/?$", RegexOptions.IgnoreCase)]
    private static partial Regex EditorPath();
}
