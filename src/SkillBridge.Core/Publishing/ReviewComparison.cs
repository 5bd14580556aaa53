using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Content;
using SkillBridge.Core.Data;
using SkillBridge.Core.Modules;

namespace SkillBridge.Core.Publishing;

/// <summary>What the review page compares the draft with.</summary>
public enum ReviewBase
{
    /// <summary>Nothing: a first version, shown as learners will see it.</summary>
    None,

    /// <summary>The draft as it was when a curator last asked for changes (the default for a resubmission).</summary>
    LastReview,

    /// <summary>The revision learners see now.</summary>
    Published,
}

/// <summary>A detail of the module (title, minutes, tags, ...) that differs, as shown before and after.</summary>
public sealed record DetailChange(string Detail, string Before, string After);

/// <summary>
/// The draft as learners will see it with what changed marked word by word (<see cref="Html"/>, safe to show as is),
/// the changed details, and the raw source diff, compared with <see cref="Base"/>.
/// </summary>
public sealed record ReviewComparisonView(
    ReviewBase Base,
    bool HasLastReview,
    bool HasPublished,
    DateTime? LastReviewedAt,
    string? LastReviewedBy,
    string Html,
    IReadOnlyList<DetailChange> Details,
    IReadOnlyList<DiffLine> SourceChanges,
    IReadOnlyList<ContentProblem> Problems);

/// <summary>
/// Builds what a curator reads on the review page: the draft rendered as learners will see it, with changes since the
/// last review (for a resubmission) or since the published revision highlighted in the rendered text.
/// </summary>
public sealed class ReviewComparison(SkillBridgeDbContext db, DraftPreview preview, TimeProvider clock)
{
    public async Task<ReviewComparisonView> CompareAsync(ModuleDraft draft, ReviewBase? requested, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, cancellationToken);
        var current = ReviewedContent.Of(draft, draft.CategoryId is { } id && categories.TryGetValue(id, out var category) ? category.Key : "");

        var published = draft.Module.PublishedRevisionId is { } revisionId
            ? await db.ModuleRevisions.AsNoTracking()
                .Include(r => r.Category).Include(r => r.Tags).Include(r => r.Authors).ThenInclude(a => a.Person)
                .AsSplitQuery()
                .FirstOrDefaultAsync(r => r.Id == revisionId, cancellationToken)
            : null;

        // A change request made before the latest publish was answered by that publish: compare with the published one.
        var publishedAt = draft.Module.PublishedAt ?? DateTime.MinValue;
        var lastReview = await db.ReviewComments.AsNoTracking()
            .Where(c => c.ModuleId == draft.ModuleId && c.ReviewedContent != null && c.CreatedAt >= publishedAt)
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Select(c => new { c.ReviewedContent, c.CreatedAt, c.Author })
            .FirstOrDefaultAsync(cancellationToken);

        var chosen = requested switch
        {
            ReviewBase.Published when published is not null => ReviewBase.Published,
            ReviewBase.LastReview when lastReview is not null => ReviewBase.LastReview,
            _ => lastReview is not null ? ReviewBase.LastReview : published is not null ? ReviewBase.Published : ReviewBase.None,
        };
        var before = chosen switch
        {
            ReviewBase.LastReview => ReviewedContent.FromJson(lastReview!.ReviewedContent),
            ReviewBase.Published => ReviewedContent.Of(published!),
            _ => null,
        };

        var (rendered, problems) = preview.Render(current.Body, current.Cover, draft.Images);
        var afterHtml = rendered is null ? "" : LearnerHtml(rendered);
        string html;
        if (before is null)
        {
            html = afterHtml;
        }
        else
        {
            var (old, _) = preview.Render(before.Body, before.Cover, draft.Images);
            html = RenderedDiff.Compare(old is null ? "" : LearnerHtml(old), afterHtml);
        }

        var updated = published?.UpdatedOn ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var source = ModuleHistory.Diff(before is null ? "" : Canonical(draft.Module.Slug, before, updated), Canonical(draft.Module.Slug, current, updated));
        var details = before is null ? [] : await DetailsAsync(before, current, categories.Values, cancellationToken);
        return new ReviewComparisonView(chosen, lastReview is not null, published is not null, lastReview?.CreatedAt, lastReview?.Author, html, details, source, problems);
    }

    /// <summary>Every part of the module as the player shows it, in order: the introduction, then each step with its quizzes.</summary>
    public static string LearnerHtml(RenderedModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var html = new StringBuilder();
        html.Append("<div class=\"prose\">").Append(module.IntroductionHtml).Append("</div>");
        foreach (var step in module.Steps)
        {
            html.Append("<section class=\"preview-step\"><h3>").Append(WebUtility.HtmlEncode($"Step {step.Number}: {step.Title}")).Append("</h3>");
            html.Append("<div class=\"step-content\">").Append(step.Html).Append("</div>");
            foreach (var quiz in step.Quizzes)
            {
                html.Append("<div class=\"quiz\"><p class=\"quiz-question\"><strong>").Append(WebUtility.HtmlEncode(quiz.Question)).Append("</strong> ")
                    .Append(quiz.AllowsSeveral ? "(choose all that apply)" : "(choose one)").Append("</p><ul>");
                foreach (var option in quiz.Options)
                {
                    html.Append("<li>").Append(WebUtility.HtmlEncode(option.Text)).Append(option.Correct ? " ✓ correct" : "").Append("</li>");
                }

                html.Append("</ul><p class=\"muted\">Explanation: ").Append(WebUtility.HtmlEncode(quiz.Explanation)).Append("</p></div>");
            }

            html.Append("</section>");
        }

        return html.ToString();
    }

    private async Task<List<DetailChange>> DetailsAsync(ReviewedContent before, ReviewedContent after, IEnumerable<Catalogue.Category> categories, CancellationToken cancellationToken)
    {
        var categoryNames = categories.ToDictionary(c => c.Key, c => c.Name, StringComparer.Ordinal);
        var usernames = before.Authors.Concat(after.Authors).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => usernames.Contains(p.Username)).ToDictionaryAsync(p => p.Username, p => p.Name, StringComparer.Ordinal, cancellationToken);
        string Tags(ReviewedContent c) => string.Join(", ", CanonicalModule.SortTags(c.Tags));
        string Authors(ReviewedContent c) => string.Join(", ", c.Authors.Select(a => names.GetValueOrDefault(a, a)));
        string Minutes(ReviewedContent c) => c.Minutes == 1 ? "1 minute" : $"{c.Minutes.ToString(CultureInfo.InvariantCulture)} minutes";

        var rows = new List<DetailChange>
        {
            new("Title", before.Title, after.Title),
            new("Summary", before.Summary, after.Summary),
            new("Category", categoryNames.GetValueOrDefault(before.Category, before.Category), categoryNames.GetValueOrDefault(after.Category, after.Category)),
            new("Level", before.Level.ToString(), after.Level.ToString()),
            new("Time", Minutes(before), Minutes(after)),
            new("Tags", Tags(before), Tags(after)),
            new("Authors", Authors(before), Authors(after)),
            new("Cover image", before.Cover ?? "none", after.Cover ?? "none"),
        };
        return rows.Where(r => r.Before != r.After).ToList();
    }

    private static string Canonical(string slug, ReviewedContent content, DateOnly updated) =>
        new CanonicalModule(slug, content.Title, content.Summary, content.Category, CanonicalModule.SortTags(content.Tags), content.Level, content.Minutes, content.Authors, content.Cover, updated, content.Body).ToText();
}
