using Dialer.Contracts;
using Dialer.Core.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Core.Agents;

/// <summary>Saves agents with the moves they noted, and publishes each move after the commit.</summary>
public static class AgentSaves
{
    public static async Task SaveAsync(DialerDb db, IPublishEndpoint bus, IEnumerable<Agent> agents, CancellationToken ct)
    {
        var moves = agents.SelectMany(a => a.TakeMoves()).ToList();
        db.AgentStateChanges.AddRange(moves);
        await db.SaveChangesAsync(ct);
        await PublishAsync(bus, moves, ct);
    }

    public static Task SaveAsync(DialerDb db, IPublishEndpoint bus, Agent agent, CancellationToken ct) => SaveAsync(db, bus, [agent], ct);

    public static Task PublishAsync(IPublishEndpoint bus, IEnumerable<AgentStateChange> moves, CancellationToken ct) =>
        Task.WhenAll(moves.Select(m => bus.Publish(EventOf(m), ct)));

    public static AgentStateChanged EventOf(AgentStateChange m) => new(m.AgentId, m.From.ToString(), m.To.ToString(), m.Reason, m.AttemptId, m.At);
}

public static class AgentLocks
{
    /// <summary>The agent, row-locked until the transaction ends (xmin named: "*" leaves out the system column EF checks versions with).</summary>
    public static Task<Agent?> ForUpdateAsync(DialerDb db, Guid agentId, CancellationToken ct) =>
        db.Agents.FromSql($"SELECT *, xmin FROM agents WHERE id = {agentId} FOR UPDATE").SingleOrDefaultAsync(ct);
}
