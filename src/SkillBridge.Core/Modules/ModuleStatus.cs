namespace SkillBridge.Core.Modules;

/// <summary>Where a module stands for learners. Work on its next version is tracked by its draft's <see cref="Authoring.DraftState"/>.</summary>
public enum ModuleStatus
{
    /// <summary>Never published: only its authors and curators see it.</summary>
    Draft,

    /// <summary>Its published revision is live in the catalogue.</summary>
    Published,

    /// <summary>Taken out of the catalogue by a curator; it can be published again.</summary>
    Unpublished,

    /// <summary>Retired: out of the catalogue and out of the authors' lists, history kept.</summary>
    Archived,
}
