namespace SkillBridge.Core.Publishing;

/// <summary>SkillBridge:Publishing settings.</summary>
public sealed class PublishingOptions
{
    /// <summary>
    /// Let a curator who is also one of a module's authors publish, schedule or import-publish it. Off by default, so
    /// every module gets a second pair of eyes.
    /// </summary>
    public bool AllowSelfPublish { get; set; }
}
