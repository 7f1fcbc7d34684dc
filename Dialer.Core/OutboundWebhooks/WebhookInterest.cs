namespace Dialer.Core.OutboundWebhooks;

/// <summary>
/// The event types some subscription asks for, as this process last heard, so that a change no subscription wants
/// skips the fan-out's statement (a round trip of every answer and every call's end, where most teams subscribe to
/// nothing). While it is unknown every change fans out: until the listener has listened and loaded, from the moment a
/// subscription changes until it has loaded again, and while its connection is lost. A subscription registered while
/// a change commits may miss that change's events by the notification's delay (milliseconds), as it may by the
/// statement's own snapshot without this.
/// </summary>
public sealed class WebhookInterest
{
    readonly Lock _gate = new();
    volatile IReadOnlySet<string>? _events;
    long _generation;

    /// <summary>False only when this process knows that no subscription asks for any of <paramref name="types"/>.
    /// </summary>
    public bool MayWant(IEnumerable<string> types) => _events is not { } known || types.Any(known.Contains);

    /// <summary>A subscription changed, or the listener lost its connection: unknown until the next load.</summary>
    public void Forget()
    {
        lock (_gate) // with Know's check: a Forget between its check and its write would be undone
        {
            _generation++;
            _events = null;
        }
    }

    /// <summary>Taken before a load: the load counts only if nothing changed while it ran.</summary>
    public long Generation
    {
        get { lock (_gate) return _generation; }
    }

    /// <returns>false when a change came during the load (it must be loaded again)</returns>
    public bool Know(IReadOnlySet<string> events, long loadedAt)
    {
        lock (_gate)
        {
            if (_generation != loadedAt) return false;
            _events = events;
            return true;
        }
    }
}
