namespace SkillBridge.BrowserTests.Infrastructure;

/// <summary>Debian's Chromium: Playwright's own browser download does not work where these tests run.</summary>
public static class Chromium
{
    public const string NotFoundMessage =
        "Chromium was not found. Install it with: apt-get install -y chromium-headless-shell (or chromium, which is slower to drive)";

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

    /// <summary>
    /// The same Blink as the browser, without its windows. Since Chromium 132 <c>chromium --headless</c> is the whole browser with
    /// every context a window with its own toolbar (a WebUI renderer): 1.8 s against 0.7 s per new context here, and three
    /// times the processor time. The headless shell is what Playwright itself runs for headless Chromium.
    /// </summary>
    private static readonly string[] Programs = ["chromium-headless-shell", "chromium"];

    /// <summary>
    /// The first of <c>chromium-headless-shell</c> and <c>chromium</c> on PATH or in /usr/bin; throws (so tests fail, not skip)
    /// when neither exists.
    /// </summary>
    public static string FindExecutable()
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin")
            .ToList();
        return Programs.SelectMany(program => folders.Select(folder => Path.Combine(folder, program))).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(NotFoundMessage);
    }
}
