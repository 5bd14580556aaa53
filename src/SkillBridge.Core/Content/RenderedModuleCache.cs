namespace SkillBridge.Core.Content;

/// <summary>Placeholder until the Markdown renderer and body parser land; replaced on merge.</summary>
public sealed class RenderedModuleCache
{
    public Task<RenderedModule> GetAsync(int revisionId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"Revision {revisionId} cannot be rendered yet.");
}

public sealed record Quiz(int Index, string Question, IReadOnlyList<QuizOption> Options, string Explanation)
{
    public bool AllowsSeveral => Options.Count(o => o.Correct) > 1;
}

public sealed record QuizOption(string Text, bool Correct);
