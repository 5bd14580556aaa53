using Microsoft.Extensions.Options;

namespace SkillBridge.Core.Media;

/// <summary>
/// Admits image processing within two limits shared by every upload and import in this process: at most one libvips
/// run per core (<see cref="MediaOptions.MaxConcurrentProcessing"/>) and at most <see cref="MediaOptions.MaxPixelsInFlight"/>
/// decoded pixels at once, weighed from the header before anything decodes. Waiters are admitted in arrival order, so a
/// large image is not starved by a stream of small ones. A wait longer than the start timeout gives up.
/// </summary>
public sealed class ImageProcessingGate : IDisposable
{
    private readonly SemaphoreSlim _runs;
    private readonly long _pixelCapacity;
    private readonly TimeSpan _startTimeout;
    private readonly TimeProvider _clock;
    private readonly Lock _lock = new();
    private readonly LinkedList<PixelWaiter> _waiters = new();
    private long _pixelsInFlight;

    public ImageProcessingGate(IOptions<MediaOptions> options, TimeProvider clock)
    {
        var settings = options.Value;
        MaxConcurrentRuns = settings.MaxConcurrentProcessing > 0 ? settings.MaxConcurrentProcessing : Environment.ProcessorCount;
        _runs = new SemaphoreSlim(MaxConcurrentRuns, MaxConcurrentRuns);
        _pixelCapacity = Math.Max(1, settings.MaxPixelsInFlight);
        _startTimeout = TimeSpan.FromSeconds(Math.Max(0, settings.ProcessingStartTimeoutSeconds));
        _clock = clock;
    }

    public int MaxConcurrentRuns { get; }

    /// <summary>Pixels admitted and not yet released, for the health page and tests.</summary>
    public long PixelsInFlight
    {
        get
        {
            lock (_lock)
            {
                return _pixelsInFlight;
            }
        }
    }

    /// <summary>
    /// Waits for room for an image of <paramref name="pixels"/> decoded pixels and a free run slot; null when neither came
    /// within the start timeout. Dispose the returned lease when the processing is over.
    /// </summary>
    public async Task<IDisposable?> EnterAsync(long pixels, CancellationToken cancellationToken)
    {
        // An image larger than the whole budget (only possible when MaxPixels exceeds it) waits until it runs alone.
        var weight = Math.Clamp(pixels, 1, _pixelCapacity);
        using var deadline = new CancellationTokenSource(_startTimeout, _clock);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            await TakePixelsAsync(weight, wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        try
        {
            await _runs.WaitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            ReleasePixels(weight);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            return null;
        }

        return new Lease(this, weight);
    }

    public void Dispose() => _runs.Dispose();

    private async Task TakePixelsAsync(long weight, CancellationToken cancellationToken)
    {
        PixelWaiter waiter;
        lock (_lock)
        {
            if (_waiters.Count == 0 && _pixelsInFlight + weight <= _pixelCapacity)
            {
                _pixelsInFlight += weight;
                return;
            }

            waiter = new PixelWaiter(weight);
            waiter.Node = _waiters.AddLast(waiter);
        }

        await using (cancellationToken.Register(() => GiveUp(waiter)))
        {
            await waiter.Admitted.Task;
        }
    }

    private void GiveUp(PixelWaiter waiter)
    {
        lock (_lock)
        {
            if (waiter.Node?.List is null)
            {
                return; // admitted just before the deadline: the lease stands
            }

            _waiters.Remove(waiter.Node);
            waiter.Admitted.TrySetCanceled();
            AdmitWaiters(); // the one behind it may fit now
        }
    }

    private void ReleasePixels(long weight)
    {
        lock (_lock)
        {
            _pixelsInFlight -= weight;
            AdmitWaiters();
        }
    }

    /// <summary>Admits waiters from the front while they fit; called under the lock.</summary>
    private void AdmitWaiters()
    {
        while (_waiters.First is { } first && _pixelsInFlight + first.Value.Weight <= _pixelCapacity)
        {
            _waiters.RemoveFirst();
            _pixelsInFlight += first.Value.Weight;
            first.Value.Admitted.TrySetResult();
        }
    }

    private sealed class PixelWaiter(long weight)
    {
        public long Weight { get; } = weight;

        public TaskCompletionSource Admitted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<PixelWaiter>? Node { get; set; }
    }

    private sealed class Lease(ImageProcessingGate gate, long weight) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate._runs.Release();
                gate.ReleasePixels(weight);
            }
        }
    }
}
