namespace SkillBridge.Core.Modules;

public enum ModuleStatus
{
    Draft,
    InReview,
    ChangesRequested,
    Published,
    Archived,
}
