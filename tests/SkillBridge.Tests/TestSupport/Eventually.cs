using System.Diagnostics;

namespace SkillBridge.Tests.TestSupport;

/// <summary>
/// Waits for something another node or process does in the background: asks again every 50 ms until the condition
/// holds, then fails if that took longer than the promised time. It waits up to 15 s before giving up, so a slow
/// machine reports how late the change was rather than only that it was late.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(15);

    public static async Task WithinAsync(TimeSpan promised, Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > GiveUpAfter)
            {
                Assert.Fail($"{what} had still not happened after {GiveUpAfter.TotalSeconds:0} s.");
            }

            await Task.Delay(50);
        }

        Assert.True(clock.Elapsed <= promised, $"{what} happened after {clock.Elapsed.TotalSeconds:0.0} s, not within {promised.TotalSeconds:0.#} s.");
    }
}
