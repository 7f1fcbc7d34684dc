using Dialer.Core.Agents;

namespace Dialer.Worker.Agents.Lines;

/// <summary>The Worker's side of <see cref="AgentChanges"/>: what Twilio tells of a line changes it or
/// nothing.</summary>
public sealed class AgentLineChanges(AgentChanges changes)
{
    /// <returns>the agent after the change, or null when there is no such agent or nothing changed</returns>
    public async Task<Agent?> ApplyAsync(Guid agentId, Func<Agent, DateTimeOffset, bool> change, CancellationToken ct)
    {
        var outcome = await changes.ApplyAsync(agentId, (a, unit) => AgentChanges.Changed(change(a, unit.Now)), ct);
        return outcome.Done ? outcome.Agent : null;
    }
}
