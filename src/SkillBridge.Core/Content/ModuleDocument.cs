namespace SkillBridge.Core.Content;

/// <summary>A module body split into its introduction and steps.</summary>
public sealed record ModuleDocument(string Introduction, IReadOnlyList<ModuleStep> Steps);

/// <summary>A step: the text under one level-2 heading, quiz fences included (the renderer prints them as nothing).</summary>
public sealed record ModuleStep(int Number, string Title, string Markdown, IReadOnlyList<Quiz> Quizzes);

/// <summary>A quick check inside a step. Index is 0-based within the step.</summary>
public sealed record Quiz(int Index, string Question, IReadOnlyList<QuizOption> Options, string Explanation)
{
    /// <summary>One correct option makes a single-choice question; several make a choose-all-that-apply question.</summary>
    public bool AllowsSeveral => Options.Count(o => o.Correct) > 1;
}

public sealed record QuizOption(string Text, bool Correct);

/// <summary>An image a module names by a path relative to its file (Markdown image or cover), with the file line that names it.</summary>
public sealed record ImageReference(string Path, int Line);
