using SkillBridge.Core.Authoring;
using SkillBridge.Core.People;

namespace SkillBridge.Web.Publishing;

/// <summary>
/// What the review conversation partial shows: the comments oldest first, with a reply form that posts to
/// /authoring/{slug}/reply and comes back to <see cref="ReturnTo"/> (the review page or the editor).
/// </summary>
public sealed record ReviewThreadView(IReadOnlyList<ReviewComment> Comments, DisplayNames Names, string Slug, string ReturnTo, string? Reply = null)
{
    public const string FromReview = "review";

    public const string FromEditor = "editor";

    /// <summary>The page to go back to after replying; only the two known pages, never a URL from the request.</summary>
    public static string PageFor(string slug, string? returnTo) =>
        returnTo == FromReview ? $"/review/{slug}#review-thread" : $"/authoring/{slug}#review-thread";
}
