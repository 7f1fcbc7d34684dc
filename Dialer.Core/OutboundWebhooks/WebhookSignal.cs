namespace Dialer.Core.OutboundWebhooks;

/// <summary>Wakes this process's sender when a change commits deliveries, or a replay asks for one.</summary>
public sealed class WebhookSignal
{
    readonly SemaphoreSlim _pending = new(0, 1);

    public void Wake()
    {
        try { _pending.Release(); }
        catch (SemaphoreFullException) { } // already woken
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _pending.WaitAsync(timeout, ct);
}
