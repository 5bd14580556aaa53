using SkillBridge.Core.Progress;

namespace SkillBridge.Core.Paths;

/// <summary>Where the player opens a module: its slug and the step to resume at.</summary>
public sealed record PathStep(string ModuleSlug, int Step)
{
    public string Url => $"/modules/{Uri.EscapeDataString(ModuleSlug)}/steps/{Step}";
}

/// <summary>A module of the path as the learner sees it: their state on it (null when not started) and whether it is new since they completed the path.</summary>
public sealed record PathModuleProgress(string Slug, LearnerModuleState? State, bool IsNew);

/// <summary>
/// A signed-in learner's progress on one path: whether they are on it, when they completed it, their state on each
/// available module (by slug), and the next unfinished available module to open at the right step.
/// </summary>
public sealed record LearnerOnPath(
    bool IsOnPath,
    DateTime? CompletedAt,
    IReadOnlyDictionary<string, PathModuleProgress> Modules,
    int DoneCount,
    int ModuleCount,
    PathStep? Next)
{
    public bool IsCompleted => CompletedAt is not null;

    /// <summary>Whether the learner pressed Start path or took any module of it; an assigned learner may be on the path before either.</summary>
    public bool HasBegun { get; init; }
}

/// <summary>For a module's finish page: a path the learner is on that holds the module, and where to go next in it.</summary>
public sealed record NextInPath(string PathSlug, string PathTitle, PathStep? Next, bool IsCompleted);

/// <summary>What the certificate of a completed path shows.</summary>
public sealed record PathCertificate(string LearnerName, string PathSlug, string PathTitle, DateTime CompletedAt, IReadOnlyList<string> Authors);
