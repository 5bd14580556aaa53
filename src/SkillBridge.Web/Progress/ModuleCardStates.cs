using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using SkillBridge.Core.Progress;
using SkillBridge.Web.Accounts;

namespace SkillBridge.Web.Progress;

/// <summary>
/// The signed-in learner's state on the module cards of a page ("Completed", "Step 2 of 5"): the page loads the states
/// of all its cards in one query, and each card (Shared/_ModuleCard, search hits) reads its own from the view data.
/// </summary>
public static class ModuleCardStates
{
    private const string Key = "LearnerModuleStates";

    /// <summary>Loads the states of the modules shown, for a signed-in learner; anonymous visitors get none.</summary>
    public static async Task LoadLearnerStatesAsync(this PageModel page, LearnerModuleStates states, IEnumerable<string> slugs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(states);
        if (page.User.LearnerId() is { } learner)
        {
            page.ViewData[Key] = await states.ForSlugsAsync(learner, slugs, cancellationToken);
        }
    }

    /// <summary>The learner's state on the module, or null when they are not signed in or never started it.</summary>
    public static LearnerModuleState? LearnerState(this ViewDataDictionary viewData, string slug) =>
        viewData?[Key] is IReadOnlyDictionary<string, LearnerModuleState> states ? states.GetValueOrDefault(slug) : null;
}
