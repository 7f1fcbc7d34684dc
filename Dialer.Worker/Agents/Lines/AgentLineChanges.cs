using Dialer.Core.Agents;
using Dialer.Core.Data;
using MassTransit;
using Changes = Dialer.Core.Agents.Lines.AgentLineChanges;

namespace Dialer.Worker.Agents.Lines;

/// <summary>The Worker's side of <see cref="Changes"/>: what Twilio tells of a line either changes it or changes nothing.</summary>
public sealed class AgentLineChanges(DialerDb db, IPublishEndpoint bus, TimeProvider clock)
{
    /// <returns>the agent after the change, or null when there is no such agent or nothing changed</returns>
    public async Task<Agent?> ApplyAsync(Guid agentId, Func<Agent, DateTimeOffset, bool> change, CancellationToken ct)
    {
        var outcome = await Changes.ApplyAsync(db, bus, agentId, (a, now) => Changes.Changed(change(a, now)), clock.GetUtcNow(), ct);
        return outcome.Done ? outcome.Agent : null;
    }
}
