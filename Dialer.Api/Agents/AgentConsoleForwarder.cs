using Dialer.Contracts;
using Dialer.Core.Data;
using MassTransit;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Agents;

/// <summary>
/// Carries the Worker's events to the agent's console. Each Api instance has its own queue for these, so
/// whichever instance holds the agent's connection gets them: RabbitMQ is the backplane.
/// </summary>
public sealed class AgentConsoleForwarder(IHubContext<AgentHub> hub, DialerDb db, TimeProvider clock)
    : IConsumer<CallBridgedToAgent>, IConsumer<AgentStateChanged>,
    IConsumer<AgentLogoutRequested>, IConsumer<AgentLineChanged>
{
    public async Task Consume(ConsumeContext<CallBridgedToAgent> context)
    {
        var m = context.Message;
        var agent = await db.Agents.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == m.AgentId, context.CancellationToken);
        var call = agent is null ? null
            : await AgentConsoleQuery.CallOfAsync(db, agent, clock.GetUtcNow(), context.CancellationToken);
        await hub.Clients.Group(AgentHub.GroupOf(m.AgentId))
            .SendAsync("callOffered", new { m.AttemptId, m.CampaignId, m.At, call }, context.CancellationToken);
    }

    public Task Consume(ConsumeContext<AgentStateChanged> context) =>
        hub.Clients.Group(AgentHub.GroupOf(context.Message.AgentId))
            .SendAsync("agentState", context.Message, context.CancellationToken);

    /// <summary>The line opened or dropped: the console shows it (and offers to reconnect) at once.</summary>
    public Task Consume(ConsumeContext<AgentLineChanged> context) =>
        hub.Clients.Group(AgentHub.GroupOf(context.Message.AgentId))
            .SendAsync("agentLine", context.Message, context.CancellationToken);

    /// <summary>
    /// A manager logged the agent out (or will, once the call is wrapped up): the console says who and why.
    /// </summary>
    public Task Consume(ConsumeContext<AgentLogoutRequested> context) =>
        hub.Clients.Group(AgentHub.GroupOf(context.Message.AgentId))
            .SendAsync("loggedOut", context.Message, context.CancellationToken);
}

public static class AgentConsoleForwarding
{
    /// <summary>One queue per Api process (like the dashboard's): temporary, gone with the process.</summary>
    public static void AddAgentConsoleForwarder(IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<AgentConsoleForwarder>(c => c.UseMessageRetry(r => r.None())) // a screen pop is worth showing
                                                                                      // now or never
            .Endpoint(e =>
            {
                e.InstanceId = ServiceDefaults.Hosting.DialerServices.PerInstanceQueue + Guid.NewGuid()
                    .ToString("N")[..12];
                e.Temporary = true;
            });
}
