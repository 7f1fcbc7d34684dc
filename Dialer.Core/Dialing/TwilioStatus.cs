namespace Dialer.Core.Dialing;

/// <summary>Twilio's call status words, as the REST API and status callbacks give them.</summary>
public static class TwilioStatus
{
    public static AttemptState? ToState(string? status) => status switch
    {
        "queued" => AttemptState.Queued,
        "initiated" => AttemptState.Initiated,
        "ringing" => AttemptState.Ringing,
        "in-progress" or "answered" => AttemptState.InProgress,
        "completed" => AttemptState.Completed,
        "busy" => AttemptState.Busy,
        "no-answer" => AttemptState.NoAnswer,
        "failed" => AttemptState.Failed,
        "canceled" => AttemptState.Canceled,
        _ => null,
    };
}
