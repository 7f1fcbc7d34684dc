namespace Dialer.Core.Dialing;

/// <summary>
/// An attempt's life. The order of the values is the order of the states: an attempt only ever moves
/// to a later one, so a late or repeated callback can never move it back.
/// </summary>
public enum AttemptState
{
    /// <summary>Claimed and committed; PlaceCall published or about to be (the attempt row is the outbox).</summary>
    Created = 0,
    /// <summary>A worker has taken it and is sending the create request to Twilio.</summary>
    Dialing = 10,
    /// <summary>
    /// The request may have reached Twilio but no answer came back: reconcile before doing anything else.
    /// </summary>
    Unknown = 20,
    Queued = 30,
    Initiated = 40,
    Ringing = 50,
    InProgress = 60,
    // final states
    Completed = 100,
    Busy = 101,
    NoAnswer = 102,
    Failed = 103,
    Canceled = 104,
    /// <summary>
    /// Never dialed: the re-check before the dial refused it (do-not-call, window, campaign stopped), its PlaceCall
    /// was never taken (not-sent), or Twilio refused the account rather than the number
    /// (<see cref="TwilioRefusals.AccountRefused"/>: no call, no attempt spent).
    /// </summary>
    Skipped = 105,
}

public static class AttemptStates
{
    public static bool IsFinal(this AttemptState s) => s >= AttemptState.Completed;
}
