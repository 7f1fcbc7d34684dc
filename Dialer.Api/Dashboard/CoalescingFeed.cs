using System.Collections.Concurrent;

namespace Dialer.Api.Dashboard;

/// <summary>
/// Turns a stream of events into pushes: an event only marks its key (a campaign, an agent) changed; every pause the
/// changed keys are re-read and pushed in one go, so a burst of a thousand events costs one query and what is pushed
/// is always the database's. A failed push marks its keys again. The pause grows with the time a push takes (up to
/// <paramref name="maxPause"/>), so a slow database is not pushed harder.
/// </summary>
public abstract class CoalescingFeed(TimeProvider clock, ILogger log, TimeSpan minPause,
    TimeSpan maxPause) : BackgroundService
{
    readonly ConcurrentDictionary<Guid, byte> _changed = new();

    protected TimeProvider Clock { get; } = clock;

    public void Changed(Guid id) => _changed[id] = 0;

    /// <summary>Re-reads the given keys and pushes them to the browsers.</summary>
    protected abstract Task PushAsync(Guid[] ids, CancellationToken ct);

    /// <summary>What a key is, for the log ("campaigns", "agents").</summary>
    protected abstract string Keys { get; }

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        var pause = minPause;
        while (!stop.IsCancellationRequested)
        {
            await Task.Delay(pause, Clock, stop);
            if (_changed.IsEmpty) continue;
            var ids = _changed.Keys.ToArray();
            foreach (var id in ids) _changed.TryRemove(id, out _);

            var started = Clock.GetTimestamp();
            try
            {
                await PushAsync(ids, stop);
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                log.LogWarning(e, "Live update of {Count} {Keys} failed; retrying", ids.Length, Keys);
                foreach (var id in ids) Changed(id);
            }
            pause = TimeSpan.FromTicks(Math.Clamp(
                Clock.GetElapsedTime(started).Ticks * 2, minPause.Ticks, maxPause.Ticks));
        }
    }
}
