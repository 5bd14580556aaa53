using SkillBridge.Core.Mentoring;
using SkillBridge.Core.Modules;

namespace SkillBridge.Web.Mentoring;

/// <summary>The "Ask {name} for a follow-up session" links under a module's authors (partial _AskAuthors).</summary>
public sealed record AskAuthorsView(string Slug, IReadOnlyList<AskableAuthor> Authors)
{
    public static async Task<AskAuthorsView> ForAsync(MentoringService mentoring, PublishedModule module, HttpContext context, CancellationToken cancellationToken) =>
        new(module.Slug, await mentoring.AuthorsToAskAsync([.. module.Authors.Where(a => !a.IsFormerColleague).Select(a => (a.Username, a.Name))], context.User.UserId(), cancellationToken));
}
