namespace Dialer.TwilioSimulator.Calls;

/// <summary>Twilio's call status values; "initiated" appears only in status callbacks.</summary>
public static class CallStatus
{
    public const string Queued = "queued";
    public const string Initiated = "initiated";
    public const string Ringing = "ringing";
    public const string InProgress = "in-progress";
    public const string Completed = "completed";
    public const string Busy = "busy";
    public const string Failed = "failed";
    public const string NoAnswer = "no-answer";
    public const string Canceled = "canceled";

    public static bool IsFinal(string status) =>
        status is Completed or Busy or Failed or NoAnswer or Canceled;
}

/// <summary>What the far end will do once the call rings, drawn when the call is created.</summary>
public enum PlannedOutcome { Human, Machine, Busy, NoAnswer, Failed }
