using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Content;
using SkillBridge.Core.Modules;
using SkillBridge.Core.Player;
using SkillBridge.Core.Progress;
using SkillBridge.Web.Accounts;
using SkillBridge.Web.Authoring;

namespace SkillBridge.Web.Pages.Player;

/// <summary>
/// One step of a module. Anonymous visitors can read and answer; for signed-in learners, opening the step records
/// it as reached and answering records the answer (against the revision shown), and they can flag the step as one
/// they got stuck on. A quiz shows what design.md's quiz rule allows: after a wrong first answer, "Try again" and
/// "Show the answer" but not the right options; signed-in learners see their stored answers again after a reload.
/// </summary>
/// <remarks>
/// The same page is the authors' "Preview as a learner" (route /authoring/{slug}/preview/steps/{number}): the draft,
/// rendered as it will be published, labelled "Draft preview", open only to the module's authors and curators, with
/// nothing recorded (no progress, no answers, no flags) and never indexed.
/// </remarks>
public sealed class StepModel(ModuleReader modules, RenderedModuleCache renderedModules, ProgressService progress, QuizService quizzes, FeedbackService feedback, DraftEditor drafts, DraftPreview draftPreview) : PageModel
{
    public const string DraftPreviewRoute = "authoring/{slug}/preview/steps/{number:int}";

    /// <summary>The draft shown to one of its authors or a curator, not the published module.</summary>
    public bool IsDraftPreview => Request.Path.StartsWithSegments("/authoring", StringComparison.OrdinalIgnoreCase);

    /// <summary>Where this module's steps live: the player's address, or the draft preview's.</summary>
    public string StepsUrl => IsDraftPreview ? $"/authoring/{Module.Slug}/preview/steps" : $"/modules/{Module.Slug}/steps";

    /// <summary>The learner whose progress this page records; nobody in a draft preview.</summary>
    private string? Learner => IsDraftPreview ? null : User.LearnerId();

    public PublishedModule Module { get; private set; } = null!;

    public RenderedModule Rendered { get; private set; } = null!;

    public RenderedStep Step { get; private set; } = null!;

    /// <summary>What each answered quiz shows, by quiz index: the stored answer, or the one given in this request.</summary>
    public Dictionary<int, QuizResult> Answers { get; } = [];

    /// <summary>Why an answer given in this request could not be taken, by quiz index.</summary>
    public Dictionary<int, string> Problems { get; } = [];

    /// <summary>The quiz whose "Try again" link was followed: shown unanswered, as a fresh try.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Again { get; set; }

    public bool IsLastStep => Step.Number == Rendered.Steps.Count;

    public bool IsSignedIn => Learner is not null;

    /// <summary>The learner's "I got stuck on this step" flag, if they set one.</summary>
    public MyStuckFlag? StuckFlag { get; private set; }

    /// <summary>The note as typed when it could not be saved, so the learner does not lose it.</summary>
    public string? StuckNote { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, int number, CancellationToken cancellationToken)
    {
        if (await LoadAnyAsync(slug, number, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Learner is { } learner)
        {
            await progress.RecordStepAsync(learner, Module, Rendered, number, cancellationToken);
        }

        // A link followed after the answer was revealed shows the answer, not a fresh try.
        if (Again is { } again && Answers.GetValueOrDefault(again) is { IsAnswerRevealed: true })
        {
            Again = null;
        }
        else if (Again is { } fresh)
        {
            Answers.Remove(fresh);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAnswerAsync(string slug, int number, int quiz, int[] selected, bool answeredBefore, CancellationToken cancellationToken)
    {
        if (await LoadAnyAsync(slug, number, cancellationToken) is { } refused)
        {
            return refused;
        }

        var outcome = await quizzes.AnswerAsync(Learner, Module, Rendered, number, quiz, selected, answeredBefore, cancellationToken);
        return Show(quiz, outcome);
    }

    /// <summary>"Show the answer" without JavaScript: records that the learner gave up on the quiz and shows its answer.</summary>
    public async Task<IActionResult> OnPostShowAnswerAsync(string slug, int number, int quiz, int[] selected, CancellationToken cancellationToken)
    {
        if (await LoadAnyAsync(slug, number, cancellationToken) is { } refused)
        {
            return refused;
        }

        var outcome = await quizzes.ShowAnswerAsync(Learner, Module, Rendered, number, quiz, selected, cancellationToken);
        return Show(quiz, outcome);
    }

    public async Task<IActionResult> OnPostStuckAsync(string slug, int number, string? note, CancellationToken cancellationToken)
    {
        if (IsDraftPreview)
        {
            return NotFound();
        }

        if (User.LearnerId() is not { } learner)
        {
            return Challenge();
        }

        if (!await LoadAsync(slug, number, cancellationToken))
        {
            return NotFound();
        }

        var flagged = await feedback.FlagStuckAsync(learner, Module, Rendered, number, note, cancellationToken);
        if (!flagged.Succeeded)
        {
            if (flagged.Failure == ProgressFailure.NotFound)
            {
                return NotFound();
            }

            ModelState.AddModelError("note", flagged.Message!);
            (StuckFlag, StuckNote) = (null, note);
            return Page();
        }

        Message = "Thank you. The module's authors will see that this step was hard to follow.";
        return Redirect($"/modules/{slug}/steps/{number}#stuck");
    }

    public async Task<IActionResult> OnPostUnstuckAsync(string slug, int number, CancellationToken cancellationToken)
    {
        if (IsDraftPreview)
        {
            return NotFound();
        }

        if (User.LearnerId() is not { } learner)
        {
            return Challenge();
        }

        if (!await LoadAsync(slug, number, cancellationToken))
        {
            return NotFound();
        }

        await feedback.RemoveStuckFlagAsync(learner, Module.RevisionId, number, cancellationToken);
        Message = "Your flag on this step was removed.";
        return Redirect($"/modules/{slug}/steps/{number}#stuck");
    }

    private IActionResult Show(int quiz, QuizOutcome outcome)
    {
        switch (outcome.Status)
        {
            case QuizStatus.Answered:
                Answers[quiz] = outcome.Result!;
                break;
            case QuizStatus.InvalidAnswer or QuizStatus.NotAnsweredYet:
                Problems[quiz] = outcome.Problem!;
                break;
            default:
                return NotFound();
        }

        return Page();
    }

    /// <summary>Loads the published step, or the draft's in a draft preview; the answer to send instead when it cannot be shown.</summary>
    private async Task<IActionResult?> LoadAnyAsync(string slug, int number, CancellationToken cancellationToken)
    {
        if (!IsDraftPreview)
        {
            return await LoadAsync(slug, number, cancellationToken) ? null : NotFound();
        }

        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        var opened = await drafts.PeekAsync(slug, User.ToActor(), cancellationToken);
        switch (opened.Failure)
        {
            case AuthoringFailure.NotFound:
                return NotFound();
            case AuthoringFailure.Forbidden:
                return Forbid();
        }

        var draft = opened.Value!;
        var (rendered, _) = draftPreview.Render(draft.Body, draft.Cover, draft.Images);
        if (rendered?.Step(number) is not { } step)
        {
            return NotFound();
        }

        Module = new PublishedModule(
            draft.ModuleId, 0, draft.Module.Slug, draft.Title, draft.Summary, draft.Category?.Key ?? "", draft.Category?.Name ?? "",
            draft.Level, draft.Minutes, DateOnly.FromDateTime(draft.UpdatedAt), draft.Cover, draft.Tags, []);
        (Rendered, Step) = (rendered, step);
        // A draft is private: never kept by a shared cache or listed by a search engine.
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        return null;
    }

    private async Task<bool> LoadAsync(string slug, int number, CancellationToken cancellationToken)
    {
        var module = await modules.FindPublishedAsync(slug, cancellationToken);
        if (module is null)
        {
            return false;
        }

        var rendered = await renderedModules.GetAsync(module.RevisionId, cancellationToken);
        if (rendered.Step(number) is not { } step)
        {
            return false;
        }

        (Module, Rendered, Step) = (module, rendered, step);
        if (User.LearnerId() is { } learner)
        {
            StuckFlag = await feedback.MyStuckFlagAsync(learner, module.RevisionId, number, cancellationToken);
            foreach (var (index, answer) in await quizzes.LatestAnswersAsync(learner, module, step, cancellationToken))
            {
                Answers[index] = answer;
            }
        }

        return true;
    }
}

/// <summary>One quiz on a step, as _Quiz.cshtml shows it.</summary>
/// <param name="Answer">The answer to show feedback for, if any.</param>
/// <param name="Problem">Why the answer given in this request was not taken.</param>
/// <param name="TryingAgain">The learner followed "Try again": the quiz is shown unanswered.</param>
/// <param name="StepsUrl">Where the module's steps live: the player's, or a draft preview's (which has no answer API).</param>
public sealed record QuizView(string Slug, int Step, Quiz Quiz, QuizResult? Answer, string? Problem, bool TryingAgain, string? StepsUrl = null)
{
    /// <summary>The answer API the page's script uses; none in a draft preview, where the form posts to the page.</summary>
    public bool UsesApi => StepsUrl is null;

    /// <summary>Anonymous visitors have nothing stored: the form tells the server that this is not their first answer.</summary>
    public bool AnsweredBefore => Answer is not null || TryingAgain;

    /// <summary>"Try again" and "Show the answer" are offered after a wrong answer whose right options are still hidden.</summary>
    public bool OffersRetry => Problem is null && (TryingAgain || Answer is { CanTryAgain: true });
}
