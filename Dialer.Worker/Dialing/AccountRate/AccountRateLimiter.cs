using System.Threading.RateLimiting;

namespace Dialer.Worker.Dialing.AccountRate;

/// <summary>
/// This Worker's calls in each calendar second (UTC, as every Worker's clock reads it): at most its quota, the k-th of
/// a second not before k / quota of <see cref="Spread"/> into it. A call in a second's last fifth may reach Twilio in
/// the next second, so it counts against both. The Workers' quotas are whole numbers adding up to the account's rate
/// (<see cref="RateShare"/>), so no calendar second holds more creates than the account allows as long as a request
/// reaches Twilio within a fifth of a second; a token bucket per Worker lets each add its bucket to a second (three
/// Workers at 10 calls/s made 12 in a second). A turn has a deadline (<see cref="InTime"/>): a request that could not
/// leave by then takes a new turn (<see cref="RetakeAsync"/>), ahead of the queue. The quota can change while requests
/// wait (0 holds them all until it rises). Requests are served oldest first; one cancelled while it waits leaves the
/// queue.
/// </summary>
public sealed class AccountRateLimiter : RateLimiter
{
    const long Spread = TimeSpan.TicksPerSecond * 8 / 10;
    readonly TimeProvider _clock;
    readonly Lock _gate = new();
    readonly LinkedList<Waiter> _queue = new();
    readonly int _queueLimit;
    RateShare.Quota _share;
    long _second = long.MinValue;
    int _used;
    int _lent; // calls of this second's last fifth, counted against the next second too
    ITimer? _pump;
    bool _disposed;

    public AccountRateLimiter(int quota, TimeProvider clock, int queueLimit = 100_000)
        : this(RateShare.Quota.Whole(quota), clock, queueLimit)
    {
    }

    public AccountRateLimiter(RateShare.Quota share, TimeProvider clock, int queueLimit = 100_000)
    {
        _clock = clock;
        _queueLimit = queueLimit;
        _share = share;
    }

    /// <summary>The calls a second this Worker may make.</summary>
    public RateShare.Quota Share
    {
        get { lock (_gate) return _share; }
    }

    /// <summary>From now on, at most this many calls a second (this second's calls so far count against it).</summary>
    public void Retune(RateShare.Quota share)
    {
        lock (_gate)
        {
            _share = share;
            ServeLocked();
        }
    }

    public void Retune(int quota) => Retune(RateShare.Quota.Whole(quota));

    /// <summary>
    /// True while the turn's request may still leave: before the end of its second's first four fifths, or, taken in
    /// the last fifth and so counted against the next second too, of the next second's. Later, it could reach Twilio
    /// in a second that did not count it.
    /// </summary>
    public bool InTime(RateLimitLease turn) =>
        turn is Lease { Deadline: var deadline } && _clock.GetUtcNow().UtcTicks < deadline;

    /// <summary>A new turn for a request whose turn passed, or sent again: served before every waiter.</summary>
    public ValueTask<RateLimitLease> RetakeAsync(CancellationToken ct) => Enqueue(ahead: true, ct);

    /// <summary>Takes a call of the current second when its turn within the second has come.</summary>
    Lease? TryTake()
    {
        var (second, offset) = Now();
        if (TicksToTurn(second, offset) > 0) return null;
        _used++;
        if (offset >= Spread) _lent++;
        return new Lease((second + (offset >= Spread ? 1 : 0)) * TimeSpan.TicksPerSecond + Spread);
    }

    /// <summary>
    /// Ticks from <paramref name="offset"/> into <paramref name="second"/> until the next call may leave (0: now):
    /// the k-th of a second not before k / quota of <see cref="Spread"/>, and one of the last fifth only when the
    /// next second's quota can take it too; a full second waits for the next.
    /// </summary>
    long TicksToTurn(long second, long offset)
    {
        if (second != _second) (_second, _used, _lent) = (second, second == _second + 1 ? _lent : 0, 0);
        var quota = _share.In(second);
        var full = _used >= quota || offset >= Spread && _lent >= _share.In(second + 1);
        if (full) return TimeSpan.TicksPerSecond - offset;
        if (offset >= Spread) return 0;
        return Math.Max(0, (_used * Spread + quota - 1) / quota - offset); // the turn's first tick, rounded up
    }

    /// <summary>How long until <see cref="TryTake"/> may succeed; null when the quota is 0.</summary>
    TimeSpan? UntilNextTurn()
    {
        if (_share.PerSecond <= 0) return null;
        var (second, offset) = Now();
        return TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, TicksToTurn(second, offset)));
    }

    /// <summary>The calendar second and the ticks into it.</summary>
    (long Second, long Offset) Now()
    {
        var ticks = _clock.GetUtcNow().UtcTicks;
        return (ticks / TimeSpan.TicksPerSecond, ticks % TimeSpan.TicksPerSecond);
    }

    /// <summary>Hands turns to the oldest waiters, then sets the timer for the next turn.</summary>
    void ServeLocked()
    {
        while (_queue.First is { } first && TryTake() is { } turn)
        {
            _queue.RemoveFirst();
            if (!first.Value.Completion.TrySetResult(turn)) _used--; // cancelled meanwhile: its turn stays
            first.Value.Dispose();
        }
        if (_queue.Count == 0 || _disposed || UntilNextTurn() is not { } due) return;
        _pump ??= _clock.CreateTimer(_ => { lock (_gate) ServeLocked(); }, null, Timeout.InfiniteTimeSpan,
            Timeout.InfiniteTimeSpan);
        _pump.Change(due, Timeout.InfiniteTimeSpan);
    }

    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            var second = Now().Second;
            var used = second == _second ? _used : second == _second + 1 ? _lent : 0;
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = Math.Max(0, _share.In(second) - used), CurrentQueuedCount = _queue.Count,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_gate)
        {
            if (permitCount != 1) throw new ArgumentOutOfRangeException(nameof(permitCount), "one call, one turn");
            return _queue.Count == 0 && TryTake() is { } turn ? turn : Lease.Refused;
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken ct)
    {
        if (permitCount != 1) throw new ArgumentOutOfRangeException(nameof(permitCount), "one call, one turn");
        return Enqueue(ahead: false, ct);
    }

    ValueTask<RateLimitLease> Enqueue(bool ahead, CancellationToken ct)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if ((ahead || _queue.Count == 0) && TryTake() is { } turn)
                return ValueTask.FromResult<RateLimitLease>(turn);
            if (!ahead && _queue.Count >= _queueLimit) return ValueTask.FromResult<RateLimitLease>(Lease.Refused);
            var waiter = new Waiter();
            var node = ahead ? _queue.AddFirst(waiter) : _queue.AddLast(waiter);
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

    /// <param name="deadline">UTC ticks before which a granted turn's request must leave</param>
    sealed class Lease(long deadline) : RateLimitLease
    {
        public static readonly Lease Refused = new(long.MinValue);
        public long Deadline => deadline;
        public override bool IsAcquired => deadline != long.MinValue;
        public override IEnumerable<string> MetadataNames => [];
        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
