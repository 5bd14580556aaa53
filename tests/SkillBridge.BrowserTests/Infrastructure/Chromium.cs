namespace SkillBridge.BrowserTests.Infrastructure;

/// <summary>Debian's Chromium: Playwright's own browser download does not work where these tests run.</summary>
public static class Chromium
{
    public const string NotFoundMessage = "Chromium was not found. Install it with: apt-get install -y chromium";

    /// <summary>Flags that keep a headless Chromium quiet and working inside containers (no sandbox, no GPU, small /dev/shm, no calls home).</summary>
    public static readonly IReadOnlyList<string> Args =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
    ];

    /// <summary>The <c>chromium</c> on PATH, else /usr/bin/chromium; throws (so tests fail, not skip) when neither exists.</summary>
    public static string FindExecutable()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "chromium"));
        return onPath.Append("/usr/bin/chromium").FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(NotFoundMessage);
    }
}
