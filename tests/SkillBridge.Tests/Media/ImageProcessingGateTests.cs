using Microsoft.Extensions.Options;
using SkillBridge.Core.Media;

namespace SkillBridge.Tests.Media;

public sealed class ImageProcessingGateTests
{
    [Fact]
    public async Task EnterAsync_PixelsBeyondTheBudget_WaitsThenGivesUpAtTheStartTimeout()
    {
        using var sut = Gate(runs: 4, pixels: 100);
        using var first = await sut.EnterAsync(80, CancellationToken.None);

        var second = await sut.EnterAsync(40, CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal(80, sut.PixelsInFlight);
    }

    [Fact]
    public async Task EnterAsync_WaitingForPixels_IsAdmittedWhenTheFirstImageIsDone()
    {
        using var sut = Gate(runs: 4, pixels: 100, startTimeoutSeconds: 30);
        var first = await sut.EnterAsync(80, CancellationToken.None);

        var waiting = sut.EnterAsync(40, CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        first!.Dispose();
        using var second = await waiting;

        Assert.NotNull(second);
        Assert.Equal(40, sut.PixelsInFlight);
    }

    [Fact]
    public async Task EnterAsync_AllRunSlotsTaken_GivesUpAtTheStartTimeoutAndReturnsItsPixels()
    {
        using var sut = Gate(runs: 1, pixels: 1_000);
        using var first = await sut.EnterAsync(10, CancellationToken.None);

        var second = await sut.EnterAsync(10, CancellationToken.None);

        Assert.Null(second);
        Assert.Equal(10, sut.PixelsInFlight);
    }

    [Fact]
    public async Task EnterAsync_SmallImageBehindAWaitingLargeOne_WaitsItsTurn()
    {
        using var sut = Gate(runs: 4, pixels: 100, startTimeoutSeconds: 30);
        var first = await sut.EnterAsync(60, CancellationToken.None);
        var large = sut.EnterAsync(90, CancellationToken.None);

        var small = sut.EnterAsync(20, CancellationToken.None);

        Assert.False(small.IsCompleted);
        first!.Dispose();
        using var admittedLarge = await large;
        Assert.False(small.IsCompleted);
        admittedLarge!.Dispose();
        using var admittedSmall = await small;
        Assert.NotNull(admittedSmall);
    }

    [Fact]
    public void Constructor_NoRunLimitSet_AllowsOneRunPerCore()
    {
        using var sut = Gate(runs: 0, pixels: 100);

        Assert.Equal(Environment.ProcessorCount, sut.MaxConcurrentRuns);
    }

    private static ImageProcessingGate Gate(int runs, long pixels, double startTimeoutSeconds = 0.2) =>
        new(Options.Create(new MediaOptions { MaxConcurrentProcessing = runs, MaxPixelsInFlight = pixels, ProcessingStartTimeoutSeconds = startTimeoutSeconds }), TimeProvider.System);
}
