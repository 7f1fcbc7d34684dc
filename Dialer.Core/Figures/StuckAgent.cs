using Dialer.Core.Agents;
using Dialer.Core.Campaigns;

namespace Dialer.Core.Figures;

/// <param name="Kind">console, reserved, wrap-up or long-call</param>
/// <param name="From">the instant the agent counts as stuck: the page compares its clock, the rule stays here</param>
/// <param name="LimitSeconds">the limit passed, for the flag's words</param>
public sealed record Stuck(string Kind, DateTimeOffset From, double LimitSeconds);

/// <summary>
/// When an agent looks stuck on the wall: past a limit the healer acts on (a console gone, a reservation that never
/// connected, a wrap-up past the campaign's maximum), or a call far longer than the campaign's usual.
/// </summary>
public static class StuckAgent
{
    public const string Console = "console", Reserved = "reserved", WrapUp = "wrap-up", LongCall = "long-call";

    /// <summary>The campaign's wrap-up maximum; a campaign not known gets the settings' default.</summary>
    public static int WrapUpLimitSeconds(CampaignSettings? settings) => (settings ?? Defaults).MaxWrapUpSeconds;

    static readonly CampaignSettings Defaults = new();

    public static double LongCallSeconds(AgentLimits limits, double? usualTalkSeconds) =>
        Math.Max(limits.LongCallMinimumSeconds, (usualTalkSeconds ?? 0) * limits.LongCallFactor);

    /// <summary>
    /// Why and from when the agent in this state counts as stuck, or null when no limit applies to the state.
    /// </summary>
    public static Stuck? Of(AgentState state, DateTimeOffset since, DateTimeOffset? consoleDisconnectedAt,
        int? wrapUpLimitSeconds, double? usualTalkSeconds, AgentLimits limits)
    {
        if (consoleDisconnectedAt is { } gone && state != AgentState.Offline) return new(Console, gone, 0);
        return state switch
        {
            AgentState.Reserved =>
                new(Reserved, since.AddSeconds(limits.ReservationTimeoutSeconds), limits.ReservationTimeoutSeconds),
            AgentState.WrapUp when wrapUpLimitSeconds is { } wrap => new(WrapUp, since.AddSeconds(wrap), wrap),
            AgentState.OnCall when LongCallSeconds(limits, usualTalkSeconds) is var limit =>
                new(LongCall, since.AddSeconds(limit), limit),
            _ => null,
        };
    }
}
