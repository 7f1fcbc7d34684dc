using MassTransit;

namespace Dialer.Api.Dashboard;

public static class DashboardServices
{
    public static IHostApplicationBuilder AddDashboard(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSignalR().AddJsonProtocol(o => Core.Data.DialerJson.Configure(o.PayloadSerializerOptions));
        builder.Services.AddSingleton<DashboardFeed>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DashboardFeed>());
        return builder;
    }

    /// <summary>
    /// Each Api instance must hear every event, so its consumer gets a queue of its own (competing consumers
    /// would share them out): named per instance, auto-deleted when the instance goes, classic not quorum.
    /// </summary>
    public static void AddDashboardConsumers(IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<DashboardEventsConsumer>().Endpoint(e =>
        {
            e.InstanceId = ServiceDefaults.Hosting.DialerServices.PerInstanceQueue + Guid.NewGuid().ToString("N")[..12];
            e.Temporary = true;
        });
}
