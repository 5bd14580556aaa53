using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Mentoring;
using SkillBridge.Web.Mentoring;
using SkillBridge.Web.Time;

namespace SkillBridge.Web.Pages.Mentoring;

/// <summary>One mentoring request or session, with the actions its viewer may take now, each a form of its own.</summary>
public sealed class DetailsModel(MentoringService mentoring, LocalTime time, TimeProvider clock) : PageModel
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public MentoringRequestView Session { get; private set; } = null!;

    public LocalTime Time => time;

    [TempData(Key = "MentoringMessage")]
    public string? Message { get; set; }

    [BindProperty]
    public ProposedTimesInput Times { get; set; } = new();

    [BindProperty]
    public string? Note { get; set; }

    /// <summary>The accept form's chosen time.</summary>
    [BindProperty(Name = "timeId")]
    public int? TimeId { get; set; }

    /// <summary>A meeting link or room, given when accepting or changed later.</summary>
    [BindProperty]
    public string? Place { get; set; }

    [BindProperty]
    public string? Feedback { get; set; }

    /// <summary>Which form an error belongs to, so it shows next to that form.</summary>
    public string? FailedAction { get; private set; }

    public string? Failure { get; private set; }

    public Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => ShowAsync(id, cancellationToken);

    public Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken cancellationToken) =>
        TimeId is not { } timeId
            ? FailAsync(id, "accept", "Choose one of the times to accept.", cancellationToken)
            : ActAsync(id, "accept", mentoring.AcceptAsync(id, timeId, HttpContext.ToMentoringActor(), Place, cancellationToken), "Session booked. The calendar invitation is below and in your e-mail.", cancellationToken);

    public Task<IActionResult> OnPostPlaceAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, "place", mentoring.SetPlaceAsync(id, Place, HttpContext.ToMentoringActor(), cancellationToken), "The place is saved, and the updated invitation is on its way.", cancellationToken);

    public async Task<IActionResult> OnPostProposeAsync(int id, CancellationToken cancellationToken)
    {
        var (times, problem) = Times.ToUtc(time);
        if (problem is not null)
        {
            return await FailAsync(id, "propose", problem, cancellationToken);
        }

        return await ActAsync(id, "propose", mentoring.ProposeAsync(id, times, HttpContext.ToMentoringActor(), cancellationToken), "Your times are sent.", cancellationToken);
    }

    public Task<IActionResult> OnPostDeclineAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, "decline", mentoring.DeclineAsync(id, Note, HttpContext.ToMentoringActor(), cancellationToken), "Request declined. Your note has been passed on.", cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, "withdraw", mentoring.WithdrawAsync(id, HttpContext.ToMentoringActor(), cancellationToken), "Request withdrawn.", cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, "cancel", mentoring.CancelAsync(id, Note, HttpContext.ToMentoringActor(), cancellationToken), "Session cancelled. Download the cancellation below to remove it from your calendar.", cancellationToken);

    public Task<IActionResult> OnPostHeldAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, "held", mentoring.MarkHeldAsync(id, HttpContext.ToMentoringActor(), cancellationToken), "Marked as held. How did it go? Leave short feedback below.", cancellationToken);

    public Task<IActionResult> OnPostFeedbackAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, "feedback", mentoring.GiveFeedbackAsync(id, Feedback, HttpContext.ToMentoringActor(), cancellationToken), "Thank you for your feedback.", cancellationToken);

    private async Task<IActionResult> ActAsync(int id, string action, Task<MentoringResult<MentoringRequest>> acting, string done, CancellationToken cancellationToken)
    {
        var result = await acting;
        if (result.Succeeded)
        {
            Message = done;
            return Redirect($"/mentoring/{id}");
        }

        return result.Failure switch
        {
            MentoringFailure.NotFound => NotFound(),
            MentoringFailure.NotAllowed when !await IsParticipantAsync(id, cancellationToken) => Forbid(),
            _ => await FailAsync(id, result.Failure is MentoringFailure.WrongState or MentoringFailure.NotAllowed ? "" : action, result.Message!, cancellationToken),
        };
    }

    private async Task<bool> IsParticipantAsync(int id, CancellationToken cancellationToken) =>
        (await mentoring.FindAsync(id, HttpContext.ToMentoringActor(), cancellationToken)).Value?.ViewerParty is not null;

    private async Task<IActionResult> FailAsync(int id, string action, string message, CancellationToken cancellationToken)
    {
        FailedAction = action;
        Failure = message;
        Message = null;
        return await ShowAsync(id, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(int id, CancellationToken cancellationToken)
    {
        var found = await mentoring.FindAsync(id, HttpContext.ToMentoringActor(), cancellationToken);
        if (found.Value is not { } request)
        {
            return NotFound();
        }

        Session = request;
        return Page();
    }
}
