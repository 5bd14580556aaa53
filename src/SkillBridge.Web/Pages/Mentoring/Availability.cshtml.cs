using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Mentoring.Availability;
using SkillBridge.Web.Mentoring;
using SkillBridge.Web.Messages;
using SkillBridge.Web.Time;

namespace SkillBridge.Web.Pages.Mentoring;

/// <summary>
/// The author's weekly availability for mentoring sessions: ranges per day in their own time zone, and the coming
/// weeks they are away. The ask form offers the free times in it.
/// </summary>
public sealed class AvailabilityModel(AvailabilityService availability, LocalTime time) : PageModel
{
    public LocalTime Time => time;

    /// <summary>Monday to Sunday, each with its typed ranges.</summary>
    [BindProperty]
    public List<DayInput> Days { get; set; } = [];

    /// <summary>The Mondays (yyyy-MM-dd) of the weeks ticked as "not available".</summary>
    [BindProperty]
    public List<string> SkipWeeks { get; set; } = [];

    /// <summary>This week's Monday and the following ones the form offers to skip.</summary>
    public IReadOnlyList<DateOnly> Weeks { get; private set; } = [];

    /// <summary>Problems by day and range row, shown next to the row.</summary>
    public Dictionary<(int Day, int Row), string> Problems { get; } = [];

    public string? WeeksProblem { get; private set; }

    public bool IsPublished { get; private set; }

    public static string WeekValue(DateOnly monday) => monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = await availability.ForUserAsync(User.UserId() ?? "", cancellationToken);
        Days = [.. AvailabilityRules.Week.Select(day => new DayInput
        {
            Ranges = [.. current.Ranges.Where(r => r.Day == day).Select(r => new RangeRow { From = AvailabilityRules.FormatTime(r.StartMinute), To = AvailabilityRules.FormatTime(r.EndMinute) })],
        })];
        SkipWeeks = [.. current.SkippedWeeks.Select(WeekValue)];
        Show(current);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId() ?? "";
        while (Days.Count < AvailabilityRules.Week.Count)
        {
            Days.Add(new DayInput());
        }

        var rows = new List<RangeInput>();
        var positions = new List<(int Day, int Row)>();
        for (var d = 0; d < AvailabilityRules.Week.Count; d++)
        {
            for (var row = 0; row < Days[d].Ranges.Count; row++)
            {
                rows.Add(new RangeInput(AvailabilityRules.Week[d], Days[d].Ranges[row].From, Days[d].Ranges[row].To));
                positions.Add((d, row));
            }
        }

        var weeks = new List<DateOnly>();
        foreach (var value in SkipWeeks)
        {
            if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var week))
            {
                WeeksProblem = "Choose weeks from the list.";
                break;
            }

            weeks.Add(week);
        }

        var result = WeeksProblem is null ? await availability.SaveAsync(userId, rows, weeks, cancellationToken) : null;
        if (result?.Status == AvailabilityStatus.Saved)
        {
            this.ShowMessage("Your availability is saved. Learners asking you for a session now see your free times.");
            return RedirectToPage();
        }

        foreach (var problem in result?.Problems ?? [])
        {
            Problems.TryAdd(positions[problem.Index], problem.Message);
        }

        WeeksProblem ??= result?.WeeksProblem;
        Show(await availability.ForUserAsync(userId, cancellationToken));
        return Page();
    }

    /// <summary>Each day gets one empty row to add a range, up to the most a day can have.</summary>
    private void Show(WeeklyAvailability current)
    {
        IsPublished = current.IsPublished;
        Weeks = [.. Enumerable.Range(0, AvailabilityService.SkippableWeeks).Select(i => current.ThisWeek.AddDays(7 * i))];
        foreach (var day in Days)
        {
            if (day.Ranges.Count < AvailabilityRules.MaxRangesPerDay && day.Ranges.All(r => !string.IsNullOrWhiteSpace(r.From) || !string.IsNullOrWhiteSpace(r.To)))
            {
                day.Ranges.Add(new RangeRow());
            }
        }
    }

    public sealed class DayInput
    {
        public List<RangeRow> Ranges { get; set; } = [];
    }

    public sealed class RangeRow
    {
        public string? From { get; set; }

        public string? To { get; set; }
    }
}
