using Dialer.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Core.Agents;

public static class AgentLocks
{
    /// <summary>The agent, row-locked until the transaction ends (xmin named: "*" leaves out the system column EF
    /// checks versions with).</summary>
    public static Task<Agent?> ForUpdateAsync(DialerDb db, Guid agentId, CancellationToken ct) =>
        db.Agents.FromSql($"SELECT *, xmin FROM agents WHERE id = {agentId} FOR UPDATE").SingleOrDefaultAsync(ct);
}
