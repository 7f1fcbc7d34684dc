using Dialer.Core.Agents.Lines;
using Dialer.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Infrastructure;

/// <summary>
/// For tests with an Api and no Worker: the agent's line as the Worker leaves it once the room said the agent joined.
/// Tests of the line itself open it for real (AgentsWorld.OpenLineAsync).
/// </summary>
public static class OpenLines
{
    public static Task OpenAsync(DialerDb db, Guid agentId) =>
        db.Agents.Where(a => a.Id == agentId).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.LineKind, LineKind.Browser).SetProperty(a => a.LineState, LineState.Open)
            .SetProperty(a => a.LineCallSid, "CA" + Guid.NewGuid().ToString("N"))
                .SetProperty(a => a.LineSince, DateTimeOffset.UtcNow));
}
