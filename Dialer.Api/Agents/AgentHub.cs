using Dialer.Api.Auth;
using Dialer.Contracts;
using Dialer.Core.Data;
using MassTransit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Agents;

/// <summary>
/// The agent console's live line: each agent's connections join the agent's group, and the Api pushes that
/// agent's calls and state changes to it. A console that stays away past a grace period is logged out by the
/// Worker's healer, from the disconnect time kept here.
/// </summary>
[Authorize(Policy = Policies.Agent)]
public sealed class AgentHub(DialerDb db, IPublishEndpoint bus, TimeProvider clock) : Hub
{
    public const string Path = "/hubs/agents";

    public static string GroupOf(Guid agentId) => "agent:" + agentId;

    public override async Task OnConnectedAsync()
    {
        var agentId = AgentApi.AgentIdOf(Context.User!);
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(agentId));
        await db.Agents.Where(a => a.Id == agentId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ConsoleDisconnectedAt, (DateTimeOffset?)null)); // not cut short by a quick disconnect
        await bus.Publish(new AgentConsoleChanged(agentId, true, clock.GetUtcNow()));
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        var agentId = AgentApi.AgentIdOf(Context.User!);
        var now = clock.GetUtcNow();
        await db.Agents.Where(a => a.Id == agentId).ExecuteUpdateAsync(s => s.SetProperty(a => a.ConsoleDisconnectedAt, now));
        await bus.Publish(new AgentConsoleChanged(agentId, false, now));
        await base.OnDisconnectedAsync(exception);
    }
}
