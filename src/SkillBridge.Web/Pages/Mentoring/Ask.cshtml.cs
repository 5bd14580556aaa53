using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Mentoring;
using SkillBridge.Web.Mentoring;
using SkillBridge.Web.Time;

namespace SkillBridge.Web.Pages.Mentoring;

/// <summary>
/// A learner asks one of a module's authors for a follow-up session: one of the author's free times, or up to three
/// times of their own, in the learner's zone.
/// </summary>
public sealed class AskModel(MentoringService mentoring, LocalTime time) : PageModel
{
    /// <summary>A free time's value in the form: its UTC instant to the minute.</summary>
    public const string SlotFormat = "yyyy-MM-dd'T'HH:mm'Z'";

    public AskForm? Form { get; private set; }

    /// <summary>Why this author cannot be asked here (not joined yet, or the viewer wrote the module).</summary>
    public string? Unavailable { get; private set; }

    public LocalTime Time => time;

    /// <summary>The author's free times in the viewer's zone, by the viewer's day.</summary>
    public IReadOnlyList<IGrouping<DateOnly, DateTime>> SlotDays { get; private set; } = [];

    [BindProperty]
    public string? Message { get; set; }

    [BindProperty]
    public int DurationMinutes { get; set; } = 30;

    /// <summary>The free time picked, or empty for the learner's own times.</summary>
    [BindProperty]
    public string? Slot { get; set; }

    [BindProperty]
    public ProposedTimesInput Times { get; set; } = new();

    public static string SlotValue(DateTime utc) => utc.ToString(SlotFormat, CultureInfo.InvariantCulture);

    public Task<IActionResult> OnGetAsync(string slug, string username, CancellationToken cancellationToken) =>
        ShowAsync(slug, username, cancellationToken);

    public async Task<IActionResult> OnPostAsync(string slug, string username, CancellationToken cancellationToken)
    {
        DateTime? slot = null;
        IReadOnlyList<DateTime> times = [];
        if (!string.IsNullOrEmpty(Slot))
        {
            if (!DateTime.TryParseExact(Slot, SlotFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var picked))
            {
                ModelState.AddModelError(nameof(Slot), "Choose one of the free times, or “None of these” to propose your own.");
                return await ShowAsync(slug, username, cancellationToken);
            }

            slot = picked;
        }
        else
        {
            (times, var problem) = Times.ToUtc(time);
            if (problem is not null)
            {
                ModelState.AddModelError(nameof(Times), problem);
                return await ShowAsync(slug, username, cancellationToken);
            }
        }

        var result = await mentoring.RequestAsync(new NewMentoringRequest(slug, username, Message ?? "", DurationMinutes, times, slot), HttpContext.ToMentoringActor(), cancellationToken);
        if (result.Value is { } request)
        {
            TempData["MentoringMessage"] = "Your request is sent. You will get a notification when the author answers.";
            return Redirect($"/mentoring/{request.Id}");
        }

        if (result.Failure == MentoringFailure.NotFound)
        {
            return NotFound();
        }

        var field = result.Failure switch
        {
            MentoringFailure.SlotTaken => nameof(Slot),
            MentoringFailure.InvalidTimes => slot is null ? nameof(Times) : nameof(Slot),
            MentoringFailure.Invalid => nameof(Message),
            _ => string.Empty,
        };
        ModelState.AddModelError(field, result.Message!);
        if (result.Failure == MentoringFailure.SlotTaken)
        {
            Slot = null;
        }

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
        SlotDays = Form?.FreeSlots.GroupBy(t => DateOnly.FromDateTime(time.ToLocal(t))).ToList() ?? [];
        return Page();
    }
}
