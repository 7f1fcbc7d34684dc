using Dialer.Contracts;
using Dialer.Core.Data;
using MassTransit;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Agents;

/// <summary>
/// Carries the Worker's events to the agent's console. Each Api instance has its own queue for these (see the
/// definition), so whichever instance holds the agent's connection gets them: RabbitMQ is the backplane.
/// </summary>
public sealed class AgentConsoleForwarder(IHubContext<AgentHub> hub, DialerDb db) : IConsumer<CallBridgedToAgent>, IConsumer<AgentStateChanged>
{
    public async Task Consume(ConsumeContext<CallBridgedToAgent> context)
    {
        var m = context.Message;
        var agent = await db.Agents.AsNoTracking().FirstOrDefaultAsync(a => a.Id == m.AgentId, context.CancellationToken);
        var call = agent is null ? null : await AgentConsoleQuery.CallOfAsync(db, agent, context.CancellationToken);
        await hub.Clients.Group(AgentHub.GroupOf(m.AgentId)).SendAsync("callOffered", new { m.AttemptId, m.CampaignId, m.At, call }, context.CancellationToken);
    }

    public Task Consume(ConsumeContext<AgentStateChanged> context) =>
        hub.Clients.Group(AgentHub.GroupOf(context.Message.AgentId)).SendAsync("agentState", context.Message, context.CancellationToken);
}

public sealed class AgentConsoleForwarderDefinition : ConsumerDefinition<AgentConsoleForwarder>
{
    /// <summary>One queue per Api process; it expires when the process is gone.</summary>
    public AgentConsoleForwarderDefinition()
    {
        EndpointName = $"agent-console-{Environment.MachineName.ToLowerInvariant()}-{Guid.NewGuid().ToString("N")[..8]}";
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<AgentConsoleForwarder> consumer,
        IRegistrationContext context)
    {
        if (endpoint is IRabbitMqReceiveEndpointConfigurator queue) queue.QueueExpiration = TimeSpan.FromMinutes(5);
        // screen pops are only worth showing now: a late one is noise
        endpoint.UseMessageRetry(r => r.None());
    }
}
