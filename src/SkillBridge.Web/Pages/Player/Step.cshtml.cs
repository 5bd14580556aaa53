using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Content;
using SkillBridge.Core.Modules;
using SkillBridge.Core.Player;
using SkillBridge.Core.Progress;
using SkillBridge.Web.Accounts;

namespace SkillBridge.Web.Pages.Player;

/// <summary>
/// One step of a module. Anonymous visitors can read and answer; for signed-in learners, opening the step records
/// it as reached and answering records the answer (against the revision shown), and they can flag the step as one
/// they got stuck on.
/// </summary>
public sealed class StepModel(ModuleReader modules, RenderedModuleCache renderedModules, ProgressService progress, FeedbackService feedback) : PageModel
{
    public PublishedModule Module { get; private set; } = null!;

    public RenderedModule Rendered { get; private set; } = null!;

    public RenderedStep Step { get; private set; } = null!;

    /// <summary>Feedback for the quiz answered in this request, by quiz index (no JavaScript).</summary>
    public Dictionary<int, QuizGrade> Grades { get; } = [];

    public bool IsLastStep => Step.Number == Rendered.Steps.Count;

    public bool IsSignedIn => User.LearnerId() is not null;

    /// <summary>The learner's "I got stuck on this step" flag, if they set one.</summary>
    public MyStuckFlag? StuckFlag { get; private set; }

    /// <summary>The note as typed when it could not be saved, so the learner does not lose it.</summary>
    public string? StuckNote { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, int number, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, number, cancellationToken))
        {
            return NotFound();
        }

        if (User.LearnerId() is { } learner)
        {
            await progress.RecordStepAsync(learner, Module, Rendered, number, cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAnswerAsync(string slug, int number, int quiz, int[] selected, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, number, cancellationToken))
        {
            return NotFound();
        }

        if (quiz < 0 || quiz >= Step.Quizzes.Count)
        {
            return NotFound();
        }

        var grade = QuizGrader.Grade(Step.Quizzes[quiz], selected);
        Grades[quiz] = grade;
        if (grade.Feedback is { } answer && User.LearnerId() is { } learner)
        {
            await progress.RecordAnswerAsync(learner, Module, Rendered, number, quiz, answer, cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostStuckAsync(string slug, int number, string? note, CancellationToken cancellationToken)
    {
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
        }

        return true;
    }
}
