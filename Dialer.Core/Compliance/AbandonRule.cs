namespace Dialer.Core.Compliance;

public enum AbandonVerdict { Pending, Connected, Abandoned, HungUpInTime }

/// <summary>What the abandon rule needs to know of one live-answered call.</summary>
public readonly record struct LiveCall(
    DateTimeOffset AnsweredAt, DateTimeOffset? GreetingEndedAt, DateTimeOffset? AgentConnectedAt,
    DateTimeOffset? MessageStartedAt, DateTimeOffset? EndedAt, bool PersonTakenForMachine = false);

/// <summary>
/// The FTC Telemarketing Sales Rule's test: a live-answered call is abandoned when no agent is connected
/// within 2 seconds of the end of the customer's greeting. A person taken for a machine and hung up on counts too.
/// </summary>
public static class AbandonRule
{
    public static readonly TimeSpan Allowance = TimeSpan.FromSeconds(2);
    /// <summary>
    /// The FTC's ceiling: at most 3% of live answers abandoned. A campaign's target may be lower, never higher.
    /// </summary>
    public const double LegalCeiling = 0.03;
    /// <summary>Twilio does not say when "Hello?" ends; a short greeting is assumed, the cautious way.</summary>
    public static readonly TimeSpan AssumedGreeting = TimeSpan.FromSeconds(1);

    public static DateTimeOffset Deadline(LiveCall call) =>
        (call.GreetingEndedAt ?? call.AnsweredAt + AssumedGreeting) + Allowance;

    public static AbandonVerdict Judge(LiveCall call, DateTimeOffset now)
    {
        if (call.PersonTakenForMachine) return AbandonVerdict.Abandoned;
        var deadline = Deadline(call);
        if (call.AgentConnectedAt is { } connected)
            return connected <= deadline ? AbandonVerdict.Connected : AbandonVerdict.Abandoned;
        if (call.MessageStartedAt is not null) return AbandonVerdict.Abandoned;
        if (call.EndedAt is { } ended)
            return ended <= deadline ? AbandonVerdict.HungUpInTime : AbandonVerdict.Abandoned;
        return now > deadline ? AbandonVerdict.Abandoned : AbandonVerdict.Pending;
    }
}
