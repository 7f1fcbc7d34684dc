namespace Dialer.Core.Dialing;

public sealed partial class CallAttempt
{
    /// <summary>The outcome of an attempt whose PlaceCall nobody took in time (<see cref="Stranded"/>).</summary>
    public const string NotSent = "not-sent";

    public const int MaxCallSidLength = 64;

    /// <summary>Also the idempotency key of the dial: one attempt, at most one call.</summary>
    public Guid Id { get; set; }
    public Guid CampaignId { get; set; }
    public long ContactId { get; set; }
    public AttemptState State { get; set; }
    public string? CallSid { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DialedAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public DateTimeOffset? BridgedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string? AnsweredBy { get; set; }
    public Guid? AgentId { get; set; }
    public string? Outcome { get; set; }
    public string? Disposition { get; set; }
    public int? DurationSeconds { get; set; }
    /// <summary>The highest Twilio SequenceNumber applied, so a repeated callback is recognised.</summary>
    public int LastSequenceNumber { get; set; } = -1;
    public string? Error { get; set; }
    /// <summary>Set when the contact's personal data went: the number's keyed hash (<see cref="Privacy.PhoneHash"/>),
    /// so the person's calls still count.</summary>
    public byte[]? PhoneHash { get; set; }
    /// <summary>The number the customer saw, chosen from the campaign's pool just before the dial; null before.
    /// </summary>
    public string? CallerId { get; set; }
    /// <summary>The kind of the contact's number it dials (<see cref="Contacts.Contact.PhoneKind"/>), for the agent's
    /// card: which of the customer's numbers was reached.</summary>
    public string? PhoneKind { get; set; }

    public static CallAttempt Create(Guid campaignId, long contactId, DateTimeOffset now, string? phoneKind = null) =>
        new()
        {
            Id = Guid.CreateVersion7(now), CampaignId = campaignId, ContactId = contactId,
            State = AttemptState.Created, CreatedAt = now, PhoneKind = phoneKind,
        };

    public bool IsFinal => State.IsFinal();

    /// <summary>
    /// Moves the attempt to a later state; an earlier or equal one (a late or repeated callback) changes nothing.
    /// Returns whether anything changed.
    /// </summary>
    public bool Advance(AttemptState next, DateTimeOffset at, int? sequenceNumber = null)
    {
        if (IsFinal || next <= State) return false;
        if (sequenceNumber is { } seq) LastSequenceNumber = Math.Max(LastSequenceNumber, seq);
        State = next;
        if (next == AttemptState.InProgress) AnsweredAt ??= at;
        if (next == AttemptState.Completed) AnsweredAt ??= ConnectedBefore(at);
        if (next.IsFinal())
        {
            EndedAt ??= at;
            Outcome ??= OutcomeOf(next);
        }
        return true;
    }

    /// <summary>
    /// Twilio reports completed only for a call that was connected, and its callbacks and the answer webhook arrive in
    /// any order: an end that overtook the answer (the in-progress callback late, the answer webhook still waiting for
    /// the row) records the answer itself, the call's duration before its end and never before the dial.
    /// </summary>
    DateTimeOffset ConnectedBefore(DateTimeOffset end)
    {
        var answered = end - TimeSpan.FromSeconds(DurationSeconds ?? 0);
        var dialed = DialedAt ?? CreatedAt;
        return answered < dialed ? dialed : answered;
    }

    /// <summary>
    /// The request to Twilio never left (or was refused before it was processed): the attempt may be dialed again.
    /// </summary>
    public void ReturnToQueue(string reason)
    {
        if (State != AttemptState.Dialing) return;
        State = AttemptState.Created;
        DialedAt = null;
        Error = reason;
    }

    /// <summary>
    /// The request may have reached Twilio but its answer was lost: never dial again until reconciled.
    /// </summary>
    public void MarkUnknown(string reason)
    {
        if (State != AttemptState.Dialing) return;
        State = AttemptState.Unknown;
        Error = reason;
    }

    public void Placed(string callSid, AttemptState reported, DateTimeOffset at)
    {
        AdoptCall(callSid);
        Advance(reported, at);
    }

    /// <summary>
    /// Any word from Twilio about this attempt's call (a callback, the answer, the fallback answer) names the call: an
    /// attempt whose create's answer was lost (its Worker killed) learns which call is its own, so the reconciler can
    /// follow it and no call is left owned by nobody. Returns whether the SID was new.
    /// </summary>
    public bool AdoptCall(string? callSid)
    {
        if (CallSid is not null || string.IsNullOrEmpty(callSid) || callSid.Length > MaxCallSidLength) return false;
        CallSid = callSid;
        return true;
    }

    /// <summary>
    /// The permit refused the dial this attempt was claimed for: it ends without a call (and without a dial time), and
    /// its contact is deferred as the claim would have deferred it.
    /// </summary>
    public bool RefusedAtDial(string refusal, DateTimeOffset now)
    {
        if (State is not (AttemptState.Created or AttemptState.Dialing)) return false;
        DialedAt = null;
        return End(AttemptState.Skipped, refusal, now);
    }

    /// <summary>
    /// Its PlaceCall was never taken: it faulted into the error queue (retries spent, a database error) or never got
    /// through. Nobody will send it, so it ends here unsent, and its contact is due again as though never claimed; a
    /// delivery of it that comes later finds it taken. Only while Created: a dial that left is the reconciler's.
    /// </summary>
    public bool Stranded(string reason, DateTimeOffset now) =>
        State == AttemptState.Created && End(AttemptState.Skipped, NotSent, now, reason);

    /// <summary>
    /// Its Worker died with the request in hand and Twilio, asked since, never created the call: nobody was called, so
    /// it ends unsent as a stranded one does, and its contact is due again with its attempt given back.
    /// </summary>
    public bool NeverPlaced(DateTimeOffset now)
    {
        if (State is not (AttemptState.Dialing or AttemptState.Unknown)) return false;
        DialedAt = null;
        return End(AttemptState.Skipped, NotSent, now, "not-placed: the Worker was lost before the call was created");
    }

    /// <summary>Ends the attempt without a call: refused before the dial, or rejected by Twilio.</summary>
    public bool End(AttemptState final, string outcome, DateTimeOffset at, string? error = null)
    {
        if (IsFinal) return false;
        Outcome = outcome;
        Error = error ?? Error;
        return Advance(final, at);
    }

    static string OutcomeOf(AttemptState state) => state switch
    {
        AttemptState.Completed => "completed",
        AttemptState.Busy => "busy",
        AttemptState.NoAnswer => "no-answer",
        AttemptState.Failed => "failed",
        AttemptState.Canceled => "canceled",
        _ => "skipped",
    };
}
