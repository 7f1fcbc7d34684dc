using Dialer.Contracts;
using Dialer.Core.Campaigns;
using Dialer.Core.Data;
using MassTransit;

namespace Dialer.Core.Agents.Lines;

/// <summary>
/// The one way an agent's line changes, in the Api (the agent asks) and the Worker (Twilio tells): under the agent's row
/// lock, its moves logged, committed, then the line's change and the moves published.
/// </summary>
public static class AgentLineChanges
{
    /// <summary>What a change returns: a refusal (nothing saved), nothing to do (nothing saved), or done.</summary>
    public sealed record Outcome(Agent? Agent, Refusal? Refusal)
    {
        public bool Done => Agent is not null && Refusal is null;
    }

    public static readonly Refusal Unchanged = new("Nothing to change.");

    /// <param name="change">returns a refusal, <see cref="Unchanged"/> when there is nothing to do, or null when it changed the agent</param>
    public static async Task<Outcome> ApplyAsync(DialerDb db, IPublishEndpoint bus, Guid agentId, Func<Agent, DateTimeOffset, Refusal?> change,
        DateTimeOffset now, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var agent = await AgentLocks.ForUpdateAsync(db, agentId, ct);
        if (agent is null) return new(null, null);
        var line = (agent.LineState, agent.LineReason);
        if (change(agent, now) is { } refusal)
        {
            await tx.RollbackAsync(ct);
            return new(agent, refusal);
        }
        var moves = agent.TakeMoves();
        db.AgentStateChanges.AddRange(moves);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (line != (agent.LineState, agent.LineReason))
            await bus.Publish(new AgentLineChanged(agent.Id, agent.LineState.ToString(), agent.LineReason, now), ct);
        await AgentSaves.PublishAsync(bus, moves, ct);
        return new(agent, null);
    }

    /// <summary>For a change that either happened or had nothing to do.</summary>
    public static Refusal? Changed(bool changed) => changed ? null : Unchanged;
}
