using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace SkillBridge.Web.Authoring;

/// <summary>
/// The editor's own wording for values the framework could not read (a number field holding letters), instead of
/// "The value 'x' is not valid for Minutes". Empty fields are left to the editor's rules, which know which button
/// was pressed and what it needs.
/// </summary>
public static class EditorValidation
{
    public static List<(string Field, string Message)> UnreadableValues(ModelStateDictionary modelState) =>
        modelState
            .Where(entry => entry.Value is { Errors.Count: > 0 } value && !string.IsNullOrWhiteSpace(value.AttemptedValue))
            .Select(entry => (entry.Key, Plain(entry.Key)))
            .ToList();

    private static string Plain(string field) => field switch
    {
        "Form.Minutes" => "Write the minutes as a whole number, e.g. 10.",
        "Quiz.Step" => "Write the step's number, e.g. 2.",
        "Form.Level" => "Choose a level from the list.",
        _ => "This value could not be read. Check it and try again.",
    };
}
