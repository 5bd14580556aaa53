using SkillBridge.Core.Content;

namespace SkillBridge.Web.Authoring;

/// <summary>What the draft preview partial shows: the rendered steps, or why they cannot be rendered yet.</summary>
public sealed record DraftPreviewView(RenderedModule? Preview, IReadOnlyList<ContentProblem> Problems, bool OffersQuizEditing);
