using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.People;
using SkillBridge.Core.Publishing;
using SkillBridge.Web.Authoring;
using SkillBridge.Web.Messages;
using SkillBridge.Web.Publishing;

namespace SkillBridge.Web.Pages.Authoring;

/// <summary>
/// A reply in a module's review conversation, from its authors or a curator. The review page and the editor post here;
/// a reply goes back to the page it came from, and a reply that needs fixing is shown here with the text kept.
/// </summary>
public sealed class ReplyModel(ReviewConversation conversation, PeopleService people) : PageModel
{
    public ReviewThread Thread { get; private set; } = null!;

    public ReviewThreadView View { get; private set; } = null!;

    public string BackLink { get; private set; } = "";

    [BindProperty]
    public string? Reply { get; set; }

    [BindProperty]
    public string? ReturnTo { get; set; }

    public Task<IActionResult> OnGetAsync(string slug, string? returnTo, CancellationToken cancellationToken)
    {
        ReturnTo = returnTo;
        return ShowAsync(slug, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        var replied = await conversation.ReplyAsync(slug, User.ToActor(), Reply, cancellationToken);
        switch (replied.Failure)
        {
            case null:
                this.ShowMessage("Reply sent.");
                return LocalRedirect(ReviewThreadView.PageFor(slug, ReturnTo));
            case AuthoringFailure.NotFound:
                return NotFound();
            case AuthoringFailure.Forbidden:
                return Forbid();
        }

        foreach (var problem in replied.Problems)
        {
            ModelState.AddModelError(problem.Field, problem.Message);
        }

        return await ShowAsync(slug, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(string slug, CancellationToken cancellationToken)
    {
        var thread = await conversation.ThreadAsync(slug, User.ToActor(), cancellationToken);
        switch (thread.Failure)
        {
            case AuthoringFailure.NotFound:
                return NotFound();
            case AuthoringFailure.Forbidden:
                return Forbid();
        }

        Thread = thread.Value!;
        var returnTo = ReturnTo == ReviewThreadView.FromReview && Thread.IsCurator ? ReviewThreadView.FromReview : ReviewThreadView.FromEditor;
        BackLink = ReviewThreadView.PageFor(slug, returnTo);
        var names = await people.DisplayNamesAsync(Thread.Comments.Select(c => c.Author), cancellationToken);
        View = new ReviewThreadView(Thread.Comments, names, slug, returnTo, Reply);
        return Page();
    }
}
