namespace Dialer.TwilioSimulator.Calls;

/// <summary>Twilio-shaped identifiers: a two-letter prefix and 32 hex digits.</summary>
public static class SimSids
{
    public static string NewCallSid() => "CA" + Guid.NewGuid().ToString("N");
    public static string NewConferenceSid() => "CF" + Guid.NewGuid().ToString("N");
}
