using Dialer.Contracts;
using Dialer.Core.Campaigns;
using Dialer.Core.Changes;

namespace Dialer.Core.Agents;

/// <summary>
/// The one way an agent changes by themselves (the agent asks in the Api, Twilio tells of their line in the Worker):
/// under the agent's row lock, their moves logged, and the moves, a change of line and whatever the change publishes
/// sent with the commit.
/// </summary>
public sealed class AgentChanges(StateChanges changes)
{
    /// <summary>
    /// What a change returns: no agent (both null), a refusal (nothing saved), nothing to do (nothing saved), or done.
    /// </summary>
    public sealed record Outcome(Agent? Agent, Refusal? Refusal)
    {
        public bool Done => Agent is not null && Refusal is null;
    }

    public static readonly Refusal Unchanged = new("Nothing to change.");

    /// <param name="change">
    /// returns a refusal, <see cref="Unchanged"/> when there is nothing to do, or null when it changed the agent
    /// </param>
    public Task<Outcome> ApplyAsync(Guid agentId, Func<Agent, StateChange, Refusal?> change, CancellationToken ct) =>
        changes.RunAsync(async (unit, token) =>
        {
            var agent = await unit.LockAgentAsync(agentId, token);
            if (agent is null) return new Outcome(null, null);
            var line = (agent.LineState, agent.LineReason);
            if (change(agent, unit) is { } refusal)
            {
                unit.Discard();
                return new Outcome(agent, refusal);
            }
            if (line != (agent.LineState, agent.LineReason))
                unit.Publish(new AgentLineChanged(agent.Id, agent.LineState.ToString(), agent.LineReason, unit.Now));
            unit.Record(agent);
            return new Outcome(agent, null);
        }, ct);

    /// <summary>For a change that either happened or had nothing to do.</summary>
    public static Refusal? Changed(bool changed) => changed ? null : Unchanged;
}
