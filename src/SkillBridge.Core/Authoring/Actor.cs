namespace SkillBridge.Core.Authoring;

/// <summary>Who is acting, as far as the authoring workflow needs to know.</summary>
public sealed record Actor(string Username, bool IsAuthor, bool IsCurator)
{
    public bool MayEdit(IEnumerable<string> moduleAuthors) => IsCurator || (IsAuthor && moduleAuthors.Contains(Username, StringComparer.Ordinal));
}
