using Dialer.TwilioSimulator.Calls;

namespace Dialer.TwilioSimulator.Records;

/// <summary>A snapshot of one placed call, as GET /sim/calls shows it.</summary>
public sealed record SimCallRecord(
    string Sid,
    string To,
    string From,
    DateTimeOffset CreatedAt,
    string Status,
    bool Final,
    string? AnsweredBy,
    string? Agent,
    string? Conference,
    string? Queue,
    double QueueTimeMs,
    DateTimeOffset? StartTime,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset? EndTime,
    int Duration,
    string PlannedOutcome,
    string? LastError,
    IReadOnlyList<string> Trail)
{
    public static SimCallRecord Of(SimCall call)
    {
        lock (call.Gate)
        {
            return new SimCallRecord(
                call.Sid, call.To, call.From, call.CreatedAt, call.Status, CallStatus.IsFinal(call.Status),
                call.AnsweredBy, call.Agent, call.Conference, call.Queue, call.QueueTime.TotalMilliseconds,
                call.StartTime, call.AnsweredAt, call.EndTime, call.DurationSeconds, call.Outcome.ToString(),
                call.LastError, call.Trail.ToList());
        }
    }
}
