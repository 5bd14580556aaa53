using System.Text;
using SkillBridge.Core.Mentoring;
using SkillBridge.Web.Accounts;
using SkillBridge.Web.Mentoring;

namespace SkillBridge.Web.Endpoints;

/// <summary>The calendar file of a mentoring session, for the two people in it.</summary>
public static class MentoringEndpoints
{
    public static IEndpointRouteBuilder MapMentoringEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/mentoring/{id:int}/invitation.ics", DownloadInvitation)
            .RequireAuthorization(Policies.SignedIn)
            .WithName("MentoringInvitation");
        return app;
    }

    /// <summary>The invitation while the session stands; after a cancellation, the same URL gives the cancellation.</summary>
    private static async Task<IResult> DownloadInvitation(int id, HttpContext context, MentoringService mentoring, CancellationToken cancellationToken)
    {
        var file = await mentoring.CalendarFileAsync(id, context.ToMentoringActor(), cancellationToken);
        return file.Value is { } calendar
            ? TypedResults.File(Encoding.UTF8.GetBytes(calendar.Content), "text/calendar; charset=utf-8", $"follow-up-session-{id}.ics")
            : TypedResults.NotFound();
    }
}
