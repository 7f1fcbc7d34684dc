namespace Dialer.Core.Compliance;

/// <summary>
/// How long a call may still ring after its permit: the window must stay open, and the campaign not end, until then.
/// At the dial it is the create request's time and the ring; at the claim, besides, the dial's wait for its turn.
/// </summary>
/// <param name="Ring">how long the customer's phone rings before no-answer (Twilio:RingTimeoutSeconds)</param>
/// <param name="Request">how long the create request may take (Twilio:RequestTimeoutSeconds)</param>
/// <param name="Wait">how long a claimed dial is expected to wait for its turn; one that waits longer is refused at
/// the dial instead, without its attempt spent</param>
public sealed record DialLead(TimeSpan Ring, TimeSpan Request, TimeSpan Wait)
{
    public static readonly DialLead Default =
        new(Ring: TimeSpan.FromSeconds(26), Request: TimeSpan.FromSeconds(10), Wait: TimeSpan.FromSeconds(30));

    public TimeSpan AtDial => Request + Ring;
    public TimeSpan AtClaim => Wait + AtDial;
}
