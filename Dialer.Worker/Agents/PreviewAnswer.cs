using Dialer.Core.Agents;
using Dialer.Core.Data;
using Dialer.Core.Dialing;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Worker.Agents;

/// <summary>
/// A preview call was dialed by an agent, who has been reserved for it since the dial: the answer goes to them.
/// </summary>
public static class PreviewAnswer
{
    /// <returns>the agent who dialed this attempt while still reserved for it; null for a paced call (the router picks
    /// one)</returns>
    public static Task<ReservedAgent?> DialedByAsync(DialerDb db, CallAttempt attempt, CancellationToken ct) =>
        attempt.AgentId is { } agentId
            ? db.Agents.Where(g => g.Id == agentId && g.State == AgentState.Reserved
                && g.CurrentAttemptId == attempt.Id)
                .Select(g => new ReservedAgent(g.Id)).FirstOrDefaultAsync(ct)
            : Task.FromResult<ReservedAgent?>(null);
}
