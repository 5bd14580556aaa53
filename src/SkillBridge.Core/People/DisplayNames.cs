namespace SkillBridge.Core.People;

/// <summary>
/// How people are shown: by the name on their profile, never by username (usernames are for typing, in forms that ask
/// for one). A former colleague shows as <see cref="Person.FormerColleagueName"/>; a username with no profile as itself.
/// </summary>
public sealed class DisplayNames(IReadOnlyDictionary<string, string> names)
{
    public static readonly DisplayNames None = new(new Dictionary<string, string>());

    public string this[string username] =>
        Person.IsFormerUsername(username) ? Person.FormerColleagueName
        : names.TryGetValue(username, out var name) && name.Length > 0 ? name
        : username;

    public string Join(IEnumerable<string> usernames) => string.Join(", ", usernames.Select(u => this[u]));
}
