using Dialer.Contracts;
using MassTransit;

namespace Dialer.Api.Agents.Wall;

/// <summary>
/// The agent events that change a row of the wall. Each Api instance hears them all on a queue of its own.
/// </summary>
public sealed class AgentWallEvents(AgentWallFeed feed)
    : IConsumer<AgentStateChanged>, IConsumer<AgentConsoleChanged>, IConsumer<AgentLogoutRequested>,
        IConsumer<CallDispositioned>
{
    public Task Consume(ConsumeContext<AgentStateChanged> context) => Changed(context.Message.AgentId);
    public Task Consume(ConsumeContext<AgentConsoleChanged> context) => Changed(context.Message.AgentId);
    public Task Consume(ConsumeContext<AgentLogoutRequested> context) => Changed(context.Message.AgentId);
    public Task Consume(ConsumeContext<CallDispositioned> context) => Changed(context.Message.AgentId);

    Task Changed(Guid agentId)
    {
        feed.Changed(agentId);
        return Task.CompletedTask;
    }
}

public static class AgentWallServices
{
    public static IHostApplicationBuilder AddAgentWall(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<Core.Figures.AgentLimits>().BindConfiguration(Core.Figures.AgentLimits.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<AgentWallFeed>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AgentWallFeed>());
        return builder;
    }

    public static void AddAgentWallConsumer(IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<AgentWallEvents>(c => c.UseMessageRetry(r => r.None())).Endpoint(e =>
        {
            e.InstanceId = ServiceDefaults.Hosting.DialerServices.PerInstanceQueue + Guid.NewGuid().ToString("N")[..12];
            e.Temporary = true;
        });
}
