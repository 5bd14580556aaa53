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

    /// <summary>
    /// The most a change may take as the test sees it, counting the test's own requests and polling: generous, so only a
    /// node that never applies the change fails here.
    /// </summary>
    private static readonly TimeSpan SeenWithin = TimeSpan.FromSeconds(5);

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

    /// <summary>
    /// For a promise the node measures itself: waits until the condition holds (at most <see cref="SeenWithin"/>), then
    /// checks <paramref name="delay"/>, the node's own time from the change being recorded to it being in force there,
    /// against <paramref name="promised"/>. The test's scheduling on a busy machine then cannot fail a node that kept
    /// its promise.
    /// </summary>
    public static async Task AppliedWithinAsync(TimeSpan promised, Func<Task<bool>> condition, Func<Task<TimeSpan?>> delay, string what)
    {
        await WithinAsync(SeenWithin, condition, what);
        var measured = await delay();
        Assert.True(measured is not null, $"{what}: the node reports no delay for it.");
        Assert.True(measured <= promised, $"{what} took {measured.Value.TotalSeconds:0.00} s from the change being recorded to it being in force there, not within {promised.TotalSeconds:0.#} s.");
    }
}
