using Microsoft.AspNetCore.Mvc.ModelBinding;
using SkillBridge.Core.Accounts;

namespace SkillBridge.Web.Pages.Account;

internal static class FormErrors
{
    /// <summary>Puts service errors next to their fields (Input.&lt;Field&gt;), or in the summary when they name none.</summary>
    public static void AddTo(this IEnumerable<FieldError> errors, ModelStateDictionary modelState, IReadOnlyDictionary<string, string>? renamed = null)
    {
        foreach (var error in errors)
        {
            var field = renamed is not null && renamed.TryGetValue(error.Field, out var name) ? name : error.Field;
            modelState.AddModelError(field.Length == 0 ? "" : "Input." + field, error.Message);
        }
    }

    /// <summary>A return URL that stays on this site, or the catalogue.</summary>
    public static string SafeReturnUrl(this Microsoft.AspNetCore.Mvc.IUrlHelper url, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
