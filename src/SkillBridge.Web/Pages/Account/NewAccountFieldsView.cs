using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace SkillBridge.Web.Pages.Account;

/// <summary>What the shared new-account fields partial needs: the values, the errors and the password rules.</summary>
public sealed record NewAccountFieldsView(NewAccountInput Input, ModelStateDictionary ModelState, IReadOnlyList<string> Rules, bool UsernameFixed = false, bool AskEmail = false)
{
    public string? Email => (Input as NewAccountWithEmailInput)?.Email;

    public string? ErrorFor(string field) =>
        ModelState.TryGetValue("Input." + field, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;
}
