using Dialer.Core.Agents;
using Dialer.Core.Changes;
using Dialer.Core.Data;
using Dialer.Core.Dialing.Fallback;
using Dialer.ServiceDefaults.Health;
using Dialer.ServiceDefaults.OutboundWebhooks;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Dialer.ServiceDefaults.Hosting;

/// <summary>The parts both Api and Worker run on: PostgreSQL, RabbitMQ, the clock, health checks.</summary>
public static class DialerServices
{
    public static IHostApplicationBuilder AddDialerDb(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Dialer")
            ?? throw new InvalidOperationException("ConnectionStrings:Dialer is not set.");
        builder.Services.AddDbContextPool<DialerDb>(o => o.UseDialerDb(connectionString));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<Core.OutboundWebhooks.WebhookSignal>();
        builder.Services.AddSingleton<Core.OutboundWebhooks.WebhookInterest>();
        builder.Services.AddHostedService(services => new WebhookInterestListener(connectionString,
            services.GetRequiredService<Core.OutboundWebhooks.WebhookInterest>(),
            services.GetRequiredService<Microsoft.Extensions.Logging.ILogger<WebhookInterestListener>>()));
        builder.Services.AddScoped<StateChanges>();
        builder.Services.TryAddScoped<IChangeAuthor, SystemAuthor>();
        builder.Services.AddScoped<CampaignHistory>();
        builder.Services.AddScoped<AgentChanges>();
        builder.Services.AddSingleton<UnrecordedAnswers>();
        builder.Services.AddHostedService<PhoneDataWarmUp>();
        builder.Services.AddHostedService<UnrecordedAnswersRecorder>();
        builder.Services.AddPostgreSqlCheck(connectionString);
        return builder;
    }

    /// <summary>Marks the queue of an endpoint that every process needs its own copy of (live dashboards): classic,
    /// auto-deleted.</summary>
    public const string PerInstanceQueue = "-instance-";

    /// <summary>
    /// MassTransit on RabbitMQ (one broker, or the nodes of a cluster): quorum queues unless RabbitMq:QuorumQueues is
    /// false, publisher confirms, kebab-case endpoint names; and the outbox's
    /// dispatcher, since every process that publishes commits state changes with events.
    /// </summary>
    public static IHostApplicationBuilder AddDialerBus(this IHostApplicationBuilder builder,
        Action<IBusRegistrationConfigurator>? consumers = null)
    {
        builder.Services.AddOptions<RabbitMqOptions>().BindConfiguration(RabbitMqOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<OutboxDispatcher>();
        builder.AddOutboundWebhooks(); // its sender shares the work the way the dispatcher does
        var rabbit = builder.Configuration.GetSection(RabbitMqOptions.Section).Get<RabbitMqOptions>() ?? new();
        builder.Services.AddMassTransit(x =>
        {
            x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(rabbit.EndpointPrefix, false));
            consumers?.Invoke(x);
            x.AddConfigureEndpointsCallback((_, name, endpoint) =>
            {
                if (endpoint is not IRabbitMqReceiveEndpointConfigurator queue) return;
                // temporary (exclusive, gone with its connection): never quorum
                if (name.Contains(PerInstanceQueue)) return;
                if (rabbit.QuorumQueues) queue.SetQuorumQueue();
                if (rabbit.QueueExpirySeconds is { } expiry) queue.QueueExpiration = TimeSpan.FromSeconds(expiry);
            });
            x.UsingRabbitMq((context, cfg) =>
            {
                var o = context.GetRequiredService<IOptions<RabbitMqOptions>>().Value;
                cfg.Host(o.Host, (ushort)o.Port, o.VirtualHost, h =>
                {
                    h.Username(o.Username);
                    h.Password(o.Password);
                    h.PublisherConfirmation = true;
                    var nodes = o.NodesInConnectOrder(Random.Shared);
                    if (nodes.Count > 0) h.UseCluster(c => { foreach (var node in nodes) c.Node(node); });
                });
                cfg.ConfigureEndpoints(context);
            });
        });
        return builder;
    }
}
