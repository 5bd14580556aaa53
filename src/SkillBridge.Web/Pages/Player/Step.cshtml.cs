using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Content;
using SkillBridge.Core.Modules;
using SkillBridge.Core.Player;

namespace SkillBridge.Web.Pages.Player;

/// <summary>
/// One step of a module. Anonymous visitors can read and answer; recording progress for signed-in learners
/// belongs in <see cref="LoadAsync"/> once accounts exist (issue: progress tracking).
/// </summary>
public sealed class StepModel(ModuleReader modules, RenderedModuleCache renderedModules) : PageModel
{
    public PublishedModule Module { get; private set; } = null!;

    public RenderedModule Rendered { get; private set; } = null!;

    public RenderedStep Step { get; private set; } = null!;

    /// <summary>Feedback for the quiz answered in this request, by quiz index (no JavaScript).</summary>
    public Dictionary<int, QuizGrade> Grades { get; } = [];

    public bool IsLastStep => Step.Number == Rendered.Steps.Count;

    public async Task<IActionResult> OnGetAsync(string slug, int number, CancellationToken cancellationToken) =>
        await LoadAsync(slug, number, cancellationToken) ? Page() : NotFound();

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

        Grades[quiz] = QuizGrader.Grade(Step.Quizzes[quiz], selected);
        return Page();
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
        return true;
    }
}
