namespace Dialer.Core.Privacy;

/// <summary>
/// One person's erasure, kept as its own proof: who asked, when, the number only as its keyed hash
/// (<see cref="PhoneHash"/>), and how much of each kind of data went.
/// </summary>
public sealed class Erasure
{
    public Guid Id { get; set; }
    public byte[] PhoneHash { get; set; } = [];
    public string RequestedBy { get; set; } = "";
    public DateTimeOffset RequestedAt { get; set; }
    public int Contacts { get; set; }
    public int Attempts { get; set; }
    public int Recordings { get; set; }
    /// <summary>Recordings Twilio did not delete at once: due now, so the recording retention sweep tries again.
    /// </summary>
    public int RecordingsPending { get; set; }
    public int WebhookDeliveries { get; set; }
    public int Transfers { get; set; }
    /// <summary>Consent records whose words, reference and source went (the records themselves stay: the proof).
    /// </summary>
    public int Consents { get; set; }
}
