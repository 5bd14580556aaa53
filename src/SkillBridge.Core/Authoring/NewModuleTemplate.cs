namespace SkillBridge.Core.Authoring;

/// <summary>
/// The body a new module starts with: an introduction and one step, each a sentence that says what to write there.
/// Those sentences are placeholders; a draft that still holds one cannot be submitted (<see cref="DraftValidator"/>).
/// </summary>
public static class NewModuleTemplate
{
    public const string Introduction = "Why this matters, in two or three sentences.";

    public const string FirstStepTitle = "First step";

    public const string FirstStepText = "What to do first.";

    /// <summary>The text of a step added with the editor's "Add step".</summary>
    public const string NewStepText = "What to do in this step.";

    public static readonly string Body = $"{Introduction}\n\n## {FirstStepTitle}\n{FirstStepText}\n";

    /// <summary>The placeholder sentences, each a whole line of the template.</summary>
    public static readonly IReadOnlyList<string> Placeholders = [Introduction, FirstStepText, NewStepText];
}
