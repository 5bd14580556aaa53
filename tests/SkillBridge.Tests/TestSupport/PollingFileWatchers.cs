using System.Runtime.CompilerServices;

namespace SkillBridge.Tests.TestSupport;

/// <summary>
/// Test hosts watch their configuration files by polling instead of inotify. Every in-process site (and every site
/// process started from the tests, which inherits the environment) would otherwise take inotify instances, and
/// Debian allows 128 per user: a full run reached that limit and hosts failed to start.
/// </summary>
internal static class PollingFileWatchers
{
#pragma warning disable CA2255 // A test assembly is the one place that should set this before any host starts.
    [ModuleInitializer]
    internal static void Use() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "1");
#pragma warning restore CA2255
}
