namespace Dialer.TwilioSimulator.Calls;

/// <summary>
/// The live handles of a call: cancelling <see cref="Line"/> hangs it up; cancelling the current
/// document stops the TwiML being executed so a redirect can take over.
/// </summary>
public sealed class CallControl
{
    readonly Lock _gate = new();
    CancellationTokenSource? _document;
    TwimlSource? _pendingRedirect;
    bool _bridged;
    bool _calleeWantsToLeave;

    public CancellationTokenSource Line { get; } = new();

    /// <summary>Completes once the call has reached its final status.</summary>
    public TaskCompletionSource Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the call starts ringing (what early media into a room waits for).</summary>
    public TaskCompletionSource Rang { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Set when the agent hung up on this customer: their Dial ends (its action is still requested), then the call.
    /// </summary>
    public bool EndsAfterDial { get; private set; }

    public void EndAfterDial()
    {
        lock (_gate) EndsAfterDial = true;
    }

    /// <summary>
    /// The final status a hang-up asked for (completed or canceled), or null when the far end ended it.
    /// </summary>
    public string? HangUpStatus { get; private set; }

    /// <summary>True when the call was dropped by a reset: it ends silently, with no callbacks.</summary>
    public bool Silenced { get; private set; }

    public void HangUp(string status, bool silently = false)
    {
        lock (_gate)
        {
            HangUpStatus ??= status;
            Silenced |= silently;
        }
        Line.Cancel();
    }

    /// <param name="call">The token of the whole call (its line, and the host stopping).</param>
    public CancellationTokenSource BeginDocument(CancellationToken call)
    {
        lock (_gate)
        {
            _document = CancellationTokenSource.CreateLinkedTokenSource(call);
            if (_pendingRedirect is not null) _document.Cancel(); // a redirect raced in between documents
            return _document;
        }
    }

    /// <summary>While bridged (to an agent, or in a conference with others) the callee stays on the line.</summary>
    public void SetBridged(bool bridged)
    {
        bool leaveNow;
        lock (_gate)
        {
            _bridged = bridged;
            leaveNow = !bridged && _calleeWantsToLeave;
        }
        if (leaveNow) HangUp(CallStatus.Completed);
    }

    /// <summary>The callee's patience ran out: they hang up now, or when the conversation they are in ends.</summary>
    public void CalleeWantsToLeave()
    {
        bool leaveNow;
        lock (_gate)
        {
            _calleeWantsToLeave = true;
            leaveNow = !_bridged;
        }
        if (leaveNow) HangUp(CallStatus.Completed);
    }

    /// <summary>Replaces whatever TwiML runs now with <paramref name="source"/> (an API update).</summary>
    public void Redirect(TwimlSource source)
    {
        lock (_gate)
        {
            _pendingRedirect = source;
            _document?.Cancel();
        }
    }

    public TwimlSource? TakePendingRedirect()
    {
        lock (_gate)
        {
            var pending = _pendingRedirect;
            _pendingRedirect = null;
            return pending;
        }
    }
}

/// <summary>Where the next TwiML document comes from: a URL to request, or inline TwiML.</summary>
public sealed record TwimlSource(string? Url, string Method, string? Twiml)
{
    public static TwimlSource FromUrl(string url, string method) => new(url, method, null);
    public static TwimlSource Inline(string twiml) => new(null, "POST", twiml);
}
