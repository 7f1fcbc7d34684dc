namespace Dialer.Core.Changes;

/// <summary>Wakes this process's dispatcher the moment a change with events commits: no wait for a poll.</summary>
public sealed class OutboxSignal
{
    readonly SemaphoreSlim _pending = new(0, 1);

    public void Wake()
    {
        try { _pending.Release(); }
        catch (SemaphoreFullException) { } // already woken: one round publishes them all
    }

    /// <returns>true when woken, false when the timeout passed</returns>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _pending.WaitAsync(timeout, ct);
}
