using Microsoft.AspNetCore.Antiforgery;

namespace SkillBridge.Web.Endpoints;

/// <summary>
/// Checks a form-posting API's antiforgery token itself and answers 400 when it is missing or wrong. Left to the
/// framework, form binding throws on a bad token and the exception handler turns that into a 500 outside Development.
/// </summary>
public static class AntiforgeryTokenFilter
{
    public sealed record AntiforgeryProblemResponse(string Problem);

    public static RouteHandlerBuilder RequireAntiforgeryToken(this RouteHandlerBuilder endpoint) =>
        endpoint
            .DisableAntiforgery()
            .AddEndpointFilter(async (context, next) =>
            {
                var antiforgery = context.HttpContext.RequestServices.GetRequiredService<IAntiforgery>();
                return await antiforgery.IsRequestValidAsync(context.HttpContext)
                    ? await next(context)
                    : TypedResults.BadRequest(new AntiforgeryProblemResponse("This page has expired. Reload it and try again."));
            });
}
