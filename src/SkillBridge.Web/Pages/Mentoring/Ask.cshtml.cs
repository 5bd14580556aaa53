using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Mentoring;
using SkillBridge.Web.Mentoring;
using SkillBridge.Web.Time;

namespace SkillBridge.Web.Pages.Mentoring;

/// <summary>A learner asks one of a module's authors for a follow-up session, proposing up to three times in their own zone.</summary>
public sealed class AskModel(MentoringService mentoring, LocalTime time) : PageModel
{
    public AskForm? Form { get; private set; }

    /// <summary>Why this author cannot be asked here (not joined yet, or the viewer wrote the module).</summary>
    public string? Unavailable { get; private set; }

    public LocalTime Time => time;

    [BindProperty]
    public string? Message { get; set; }

    [BindProperty]
    public int DurationMinutes { get; set; } = 30;

    [BindProperty]
    public ProposedTimesInput Times { get; set; } = new();

    public Task<IActionResult> OnGetAsync(string slug, string username, CancellationToken cancellationToken) =>
        ShowAsync(slug, username, cancellationToken);

    public async Task<IActionResult> OnPostAsync(string slug, string username, CancellationToken cancellationToken)
    {
        var (times, problem) = Times.ToUtc(time);
        if (problem is not null)
        {
            ModelState.AddModelError("Times", problem);
            return await ShowAsync(slug, username, cancellationToken);
        }

        var result = await mentoring.RequestAsync(new NewMentoringRequest(slug, username, Message ?? "", DurationMinutes, times), HttpContext.ToMentoringActor(), cancellationToken);
        if (result.Value is { } request)
        {
            TempData["MentoringMessage"] = "Your request is sent. You will get a notification when the author answers.";
            return Redirect($"/mentoring/{request.Id}");
        }

        if (result.Failure == MentoringFailure.NotFound)
        {
            return NotFound();
        }

        ModelState.AddModelError(result.Failure is MentoringFailure.InvalidTimes ? "Times" : result.Failure is MentoringFailure.Invalid ? "Message" : string.Empty, result.Message!);
        return await ShowAsync(slug, username, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(string slug, string username, CancellationToken cancellationToken)
    {
        var prepared = await mentoring.PrepareAsync(slug, username, HttpContext.ToMentoringActor(), cancellationToken);
        switch (prepared.Failure)
        {
            case MentoringFailure.NotFound:
                return NotFound();
            case not null:
                Unavailable = prepared.Message;
                break;
        }

        Form = prepared.Value;
        return Page();
    }
}
