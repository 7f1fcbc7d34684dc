using Dialer.Contracts;
using Dialer.Core.Agents;
using Dialer.Core.Data;
using MassTransit;

namespace Dialer.Worker.Agents.Lines;

/// <summary>The one way an agent's line changes in the Worker: under the agent's row lock, its moves logged, then published.</summary>
public sealed class AgentLineChanges(DialerDb db, IPublishEndpoint bus, TimeProvider clock)
{
    /// <returns>the agent after the change, or null when there is no such agent or nothing changed</returns>
    public async Task<Agent?> ApplyAsync(Guid agentId, Func<Agent, DateTimeOffset, bool> change, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var agent = await AgentLocks.ForUpdateAsync(db, agentId, ct);
        if (agent is null) return null;
        var line = (agent.LineState, agent.LineReason);
        if (!change(agent, now))
        {
            await tx.RollbackAsync(ct);
            return null;
        }
        var moves = agent.TakeMoves();
        db.AgentStateChanges.AddRange(moves);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (line != (agent.LineState, agent.LineReason))
            await bus.Publish(new AgentLineChanged(agent.Id, agent.LineState.ToString(), agent.LineReason, now), ct);
        await AgentSaves.PublishAsync(bus, moves, ct);
        return agent;
    }
}
