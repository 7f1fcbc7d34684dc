using System.Threading.RateLimiting;

namespace Dialer.Worker.Dialing.AccountRate;

/// <summary>
/// A token bucket whose rate can change while requests wait (the framework's bucket fixes its rate at construction,
/// and rebuilding it would fail or strand the requests queued in the old one). Holds a tenth of a second's tokens, so a
/// calendar second sees at most the rate plus that. Rate 0 holds every request until the rate rises.
/// Requests are served oldest first; one that is cancelled while it waits leaves the queue.
/// </summary>
public sealed class RetunableTokenBucket : RateLimiter
{
    const double BurstSeconds = 0.1;
    readonly TimeProvider _clock;
    readonly Lock _gate = new();
    readonly LinkedList<Waiter> _queue = new();
    readonly int _queueLimit;
    double _rate;
    double _tokens;
    long _refilledAt;
    ITimer? _pump;
    bool _disposed;

    public RetunableTokenBucket(double perSecond, TimeProvider clock, int queueLimit = 100_000)
    {
        _clock = clock;
        _queueLimit = queueLimit;
        _rate = Math.Max(0, perSecond);
        _tokens = Capacity(_rate);
        _refilledAt = clock.GetTimestamp();
    }

    public double PerSecond
    {
        get { lock (_gate) return _rate; }
    }

    /// <summary>From now on, tokens come at this rate; tokens kept over the new bucket's size are dropped.</summary>
    public void Retune(double perSecond)
    {
        lock (_gate)
        {
            Refill();
            _rate = Math.Max(0, perSecond);
            _tokens = Math.Min(_tokens, Capacity(_rate));
            ServeLocked();
        }
    }

    static double Capacity(double rate) => rate <= 0 ? 0 : Math.Max(1, rate * BurstSeconds);

    void Refill()
    {
        var now = _clock.GetTimestamp();
        _tokens = Math.Min(Capacity(_rate), _tokens + _clock.GetElapsedTime(_refilledAt, now).TotalSeconds * _rate);
        _refilledAt = now;
    }

    /// <summary>Hands tokens to the oldest waiters, then sets the timer for when the next token is due.</summary>
    void ServeLocked()
    {
        Refill();
        while (_queue.First is { } first && _tokens >= 1)
        {
            _queue.RemoveFirst();
            if (first.Value.Completion.TrySetResult(Lease.Granted)) _tokens -= 1;
            first.Value.Dispose();
        }
        if (_queue.Count == 0 || _rate <= 0 || _disposed) return;
        var due = TimeSpan.FromSeconds(Math.Max(0.001, (1 - _tokens) / _rate));
        _pump ??= _clock.CreateTimer(_ => { lock (_gate) ServeLocked(); }, null, Timeout.InfiniteTimeSpan,
            Timeout.InfiniteTimeSpan);
        _pump.Change(due, Timeout.InfiniteTimeSpan);
    }

    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = (long)_tokens, CurrentQueuedCount = _queue.Count
            };
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_gate)
        {
            Refill();
            if (_queue.Count > 0 || _tokens < permitCount) return Lease.Refused;
            _tokens -= permitCount;
            return Lease.Granted;
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken ct)
    {
        if (permitCount != 1) throw new ArgumentOutOfRangeException(nameof(permitCount), "one call, one token");
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Refill();
            if (_queue.Count == 0 && _tokens >= 1)
            {
                _tokens -= 1;
                return ValueTask.FromResult<RateLimitLease>(Lease.Granted);
            }
            if (_queue.Count >= _queueLimit) return ValueTask.FromResult<RateLimitLease>(Lease.Refused);
            var waiter = new Waiter();
            var node = _queue.AddLast(waiter);
            waiter.Cancellation = ct.Register(() =>
            {
                lock (_gate) if (node.List is not null) _queue.Remove(node);
                waiter.Completion.TrySetCanceled(ct);
            });
            ServeLocked();
            return new ValueTask<RateLimitLease>(waiter.Completion.Task);
        }
    }

    protected override void Dispose(bool disposing)
    {
        lock (_gate)
        {
            _disposed = true;
            _pump?.Dispose();
            foreach (var w in _queue) w.Completion.TrySetResult(Lease.Refused);
            _queue.Clear();
        }
    }

    sealed class Waiter : IDisposable
    {
        public TaskCompletionSource<RateLimitLease> Completion { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);
        public CancellationTokenRegistration Cancellation { get; set; }
        // Unregister, not Dispose: Dispose would wait for a cancellation callback that waits for the bucket's lock
        public void Dispose() => Cancellation.Unregister();
    }

    sealed class Lease(bool acquired) : RateLimitLease
    {
        public static readonly Lease Granted = new(true);
        public static readonly Lease Refused = new(false);
        public override bool IsAcquired => acquired;
        public override IEnumerable<string> MetadataNames => [];
        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
