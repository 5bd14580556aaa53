using SkillBridge.Core.Content.Markdown;

namespace SkillBridge.Core.Content;

/// <summary>One step of a module revision, rendered to safe HTML, with its quizzes.</summary>
public sealed record RenderedStep(int Number, string Title, string Html, IReadOnlyList<Quiz> Quizzes);

/// <summary>A module revision rendered for the player; built once per revision and cached.</summary>
public sealed record RenderedModule(string IntroductionHtml, IReadOnlyList<RenderedStep> Steps, ImageSource? Cover)
{
    public RenderedStep? Step(int number) => number >= 1 && number <= Steps.Count ? Steps[number - 1] : null;
}
