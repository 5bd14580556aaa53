using Microsoft.AspNetCore.Identity;

namespace SkillBridge.Core.Accounts;

/// <summary>A local account. Linked to the <see cref="People.Person"/> profile that shows as its author page.</summary>
public sealed class SkillBridgeUser : IdentityUser
{
    public int? PersonId { get; set; }

    /// <summary>IANA time zone the user sees instants in (design.md, Time); defaults to SkillBridge:DefaultTimeZone.</summary>
    public string TimeZoneId { get; set; } = SkillBridgeOptions.DefaultTimeZoneId;

    /// <summary>When the account was created (UTC); null for accounts older than the column whose creation was not audited.</summary>
    public DateTime? CreatedAt { get; set; }

    /// <summary>
    /// "Let authors see that I took their modules": on, authors see this learner's name beside their progress,
    /// ratings and stuck notes; off, they see only counts and "A learner". On by default.
    /// </summary>
    public bool SharesProgressWithAuthors { get; set; } = true;

    /// <summary>
    /// The learner turned reminder mail off: reminders about assigned learning then stay in the site only. Stored as "off"
    /// so that existing accounts (false) keep getting the daily digest.
    /// </summary>
    public bool ReminderMailOff { get; set; }

    /// <summary>A curator chose one mail a day about modules waiting for review instead of one per submission.</summary>
    public bool ReviewMailDigest { get; set; }

    /// <summary>The local date of the last review digest mail: at most one a day, claimed by one runner.</summary>
    public DateOnly? ReviewDigestSentOn { get; set; }
}
