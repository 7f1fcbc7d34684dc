using Dialer.Core.Campaigns;
using Dialer.Core.Figures;

namespace Dialer.Core.Agents;

/// <summary>
/// What the healer knows of an agent's call: whether it ended, whether the agent's leg connected, its disposition.
/// </summary>
/// <param name="AwaitingAnswer">the customer's phone still rings: a preview dial reserves its agent before the
/// answer</param>
/// <param name="AnsweredAt">when the customer answered: a preview agent's wait for the bridge is counted from
/// then</param>
public readonly record struct CallFacts(bool Exists, bool Ended, bool Connected, string? Disposition,
    bool AwaitingAnswer = false, DateTimeOffset? AnsweredAt = null)
{
    /// <summary>The facts of the agent's current call, or of none.</summary>
    public static CallFacts Of(Dialing.CallAttempt? attempt) => attempt is null
        ? default
        : new(true, attempt.IsFinal, attempt.BridgedAt is not null, attempt.Disposition,
            AwaitingAnswer: attempt.AnsweredAt is null && !attempt.IsFinal, attempt.AnsweredAt);
}

public sealed record HealingRules(TimeSpan ReservationTimeout, TimeSpan ConsoleGrace, TimeSpan? AutoWrapUp);

/// <param name="Disposition">set on the call when the agent leaves wrap-up without one</param>
/// <param name="Simulated">a demo's simulated agent: it fills the script's fields as it sets the disposition</param>
public sealed record Healing(AgentState To, string Reason, string? Disposition = null, bool Simulated = false);

/// <summary>
/// Decides how an agent whose state the calls no longer explain is put right. Pure, so every case is a unit
/// test; the Worker's healer applies the answer under the rows' locks.
/// </summary>
public static class AgentHealing
{
    public static Healing? Decide(
        Agent agent, CallFacts call, CampaignSettings? settings, HealingRules rules, DateTimeOffset now)
    {
        var inState = now - agent.StateSince;
        var consoleGone = agent.ConsoleDisconnectedAt is { } gone && now - gone > rules.ConsoleGrace;
        switch (agent.State)
        {
            case AgentState.Reserved when !call.Exists || call.Ended:
                return new(AgentState.Available, "reserved for a call that ended before the agent answered");
            // a ringing preview call frees its agent when it ends (Twilio's ring timeout; the stale-call check if
            // callbacks are lost)
            case AgentState.Reserved when !call.Connected && !call.AwaitingAnswer
                                          && now - Later(agent.StateSince, call.AnsweredAt) is var waited
                                          && waited > rules.ReservationTimeout:
                return new(AgentState.Available,
                    $"reserved for {waited.TotalSeconds:0} s and the call never connected");
            case AgentState.OnCall when !call.Exists || call.Ended:
                return new(AgentState.WrapUp, "the call ended (found by the healer)");
            case AgentState.WrapUp when call.Disposition is not null:
                return new(AgentState.Available, "disposition set");
            case AgentState.WrapUp when consoleGone:
                return new(AgentState.Offline, "console disconnected during wrap-up", Dispositions.Missing);
            case AgentState.WrapUp when rules.AutoWrapUp is { } auto && inState >= auto:
                return new(AgentState.Available, "simulated agent wrapped up",
                    AutoDisposition(settings, agent.CurrentAttemptId), Simulated: true);
            case AgentState.WrapUp when inState.TotalSeconds > StuckAgent.WrapUpLimitSeconds(settings):
                return new(AgentState.Available, "wrap-up time ran out; disposition missing", Dispositions.Missing);
            case AgentState.Available or AgentState.Break when consoleGone:
                return new(AgentState.Offline, "console disconnected longer than the grace period");
            default:
                return null;
        }
    }

    static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset? b) => b > a ? b.Value : a;

    /// <summary>
    /// A demo's simulated agent picks one of the campaign's plain outcomes, the same one for the same call.
    /// </summary>
    public static string AutoDisposition(CampaignSettings? settings, Guid? attemptId)
    {
        var plain = (settings?.Dispositions ?? [])
            .Where(d => !Dispositions.IsDoNotCall(d) && !Dispositions.IsCallback(d) && !Dispositions.IsWrongNumber(d))
            .ToList();
        if (plain.Count == 0) return Dispositions.Missing;
        var seed = attemptId?.GetHashCode() ?? 0;
        return plain[(int)((uint)seed % (uint)plain.Count)];
    }
}
