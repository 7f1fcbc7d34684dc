using Dialer.Api.Auth;
using Dialer.Contracts;
using Dialer.Core.Changes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Dialer.Api.Agents;

/// <summary>
/// The agent console's live line: each agent's connections join the agent's group, and the Api pushes that
/// agent's calls and state changes to it. A console that stays away past a grace period is logged out by the
/// Worker's healer, from the disconnect time kept here.
/// </summary>
[Authorize(Policy = Policies.Agent)]
public sealed class AgentHub(StateChanges changes) : Hub
{
    public const string Path = "/hubs/agents";

    public static string GroupOf(Guid agentId) => "agent:" + agentId;

    public override async Task OnConnectedAsync()
    {
        var agentId = AgentConsoleApi.AgentIdOf(Context.User!);
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(agentId));
        await ConsoleChangedAsync(agentId, connected: true); // not cut short by a quick disconnect
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        var agentId = AgentConsoleApi.AgentIdOf(Context.User!);
        await ConsoleChangedAsync(agentId, connected: false);
        await base.OnDisconnectedAsync(exception);
    }

    Task ConsoleChangedAsync(Guid agentId, bool connected) => changes.RunAsync(async (unit, ct) =>
    {
        if (await unit.LockAgentAsync(agentId, ct) is not { } agent) return;
        agent.ConsoleDisconnectedAt = connected ? null : unit.Now;
        unit.Publish(new AgentConsoleChanged(agentId, connected, unit.Now));
    }, CancellationToken.None);
}
