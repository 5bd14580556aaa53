using Microsoft.AspNetCore.Mvc.ModelBinding;
using SkillBridge.Core.Search.Synonyms;

namespace SkillBridge.Web.Pages.Search.Synonyms;

/// <summary>What the add and change forms show in their two fields.</summary>
public sealed record SynonymFields(string? Searched, string? Meaning);

/// <summary>The one mapping from a synonym change's outcome to the form: a refusal goes next to its field.</summary>
public static class SynonymResultMapping
{
    public static void AddTo(this SearchSynonymResult result, ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(modelState);
        var field = result.Field switch
        {
            SearchSynonymField.Meaning => "Meaning",
            SearchSynonymField.Searched => "Searched",
            _ => "",
        };
        modelState.AddModelError(field, result.Message);
    }
}
