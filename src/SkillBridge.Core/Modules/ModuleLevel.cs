namespace SkillBridge.Core.Modules;

public enum ModuleLevel
{
    Beginner,
    Intermediate,
    Advanced,
}
