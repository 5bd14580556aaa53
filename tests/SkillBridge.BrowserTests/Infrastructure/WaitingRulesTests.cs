using SkillBridge.Core;

namespace SkillBridge.BrowserTests.Infrastructure;

/// <summary>
/// Keeps the browser tests free of the waits that raced on a busy two-core CI machine: sleeps pass or fail with the machine's
/// load, and <c>WaitForURLAsync</c> / <c>WaitForNavigationAsync</c> can miss a navigation that lands while they start listening.
/// </summary>
public sealed class WaitingRulesTests
{
    private static readonly string[] Forbidden =
    [
        "WaitForTimeoutAsync(",
        "Task.Delay(",
        "Thread.Sleep(",
        "WaitForURLAsync(",
        "WaitForNavigationAsync(",
    ];

    [Fact]
    public void BrowserTests_NeverWaitForTimeOrListenForNavigations()
    {
        var folder = SolutionFolders.Find(Path.Combine("tests", "SkillBridge.BrowserTests"))
            ?? throw new InvalidOperationException("tests/SkillBridge.BrowserTests was not found above " + AppContext.BaseDirectory);
        var separator = Path.DirectorySeparatorChar;
        var found = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{separator}bin{separator}", StringComparison.Ordinal) && !file.Contains($"{separator}obj{separator}", StringComparison.Ordinal))
            .Where(file => Path.GetFileName(file) != nameof(WaitingRulesTests) + ".cs")
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, number: index + 1)))
            .Where(at => Forbidden.Any(call => at.line.Contains(call, StringComparison.Ordinal)))
            .Select(at => $"{Path.GetRelativePath(folder, at.file)}:{at.number}: {at.line.Trim()}")
            .ToList();

        Assert.True(found.Count == 0,
            "Wait for a state instead (PageReadiness.GotoReadyAsync / WaitForPageAsync, or an Expect(...) assertion):" + Environment.NewLine + string.Join(Environment.NewLine, found));
    }
}
