using SkillBridge.Core.Catalogue;

namespace SkillBridge.Core.People;

public sealed record PersonProfile(
    string Username,
    string Name,
    string Department,
    string Bio,
    IReadOnlyList<string> HelpsWith,
    IReadOnlyList<ModuleCard> Modules,
    string? PhotoUrl = null);

public sealed record PersonSummary(string Username, string Name, string Department, IReadOnlyList<string> HelpsWith, int ModuleCount);
