namespace SkillBridge.Core.Paths;

/// <summary>Where a learning path stands for learners. Work on its next version lives in its <see cref="LearningPathDraft"/>.</summary>
public enum PathStatus
{
    /// <summary>Never published: only curators see it.</summary>
    Draft,

    /// <summary>Its published revision is shown to learners.</summary>
    Published,

    /// <summary>Taken away from learners by a curator; it can be published again.</summary>
    Unpublished,

    /// <summary>Retired: hidden from learners and out of the builder's work, history kept.</summary>
    Archived,
}
