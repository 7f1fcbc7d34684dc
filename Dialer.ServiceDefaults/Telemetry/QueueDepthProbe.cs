using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Dialer.ServiceDefaults.Hosting;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace Dialer.ServiceDefaults.Telemetry;

/// <summary>
/// Asks the broker every few seconds how many messages wait in this process's own queues (a passive
/// declare: it never creates or changes a queue), for the queue_messages gauge. A growing place-call
/// queue means workers cannot keep up with the pacer; that is worth an alert before agents go idle.
/// </summary>
public sealed class QueueDepthProbe(IOptions<RabbitMqOptions> options, IEnumerable<QueueDepthProbe.Queue> queues,
    IEndpointNameFormatter names, DialerMetrics metrics, TimeProvider clock, ILogger<QueueDepthProbe> log)
    : BackgroundService
{
    /// <summary>A queue to watch, named from the endpoint name formatter (so the tests' prefixes apply).</summary>
    public sealed record Queue(Func<IEndpointNameFormatter, string> Name);

    static readonly TimeSpan Every = TimeSpan.FromSeconds(5);
    readonly ConcurrentDictionary<string, long> _depths = new();

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        var watched = queues.Select(q => q.Name(names)).Distinct().ToArray();
        if (watched.Length == 0) return;
        metrics.ObserveQueueDepth(() => _depths.Select(kv =>
            new Measurement<long>(kv.Value, new KeyValuePair<string, object?>("queue", kv.Key))));
        var o = options.Value;
        var factory = new ConnectionFactory
        {
            HostName = o.Host, Port = o.Port, VirtualHost = o.VirtualHost, UserName = o.Username, Password = o.Password,
            ClientProvidedName = "dialer queue depth probe",
        };
        // on a cluster, whichever node answers first: the queues are the cluster's
        List<AmqpTcpEndpoint> nodes = [.. o.NodesInConnectOrder(Random.Shared).Select(n => n.Split(':'))
            .Select(n => new AmqpTcpEndpoint(n[0], n.Length == 2 ? int.Parse(n[1]) : o.Port))];
        if (nodes.Count == 0) nodes.Add(new AmqpTcpEndpoint(o.Host, o.Port));
        IConnection? connection = null;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    connection ??= await factory.CreateConnectionAsync(nodes, stop);
                    foreach (var queue in watched) await ProbeAsync(connection, queue, stop);
                }
                catch (Exception e) when (!stop.IsCancellationRequested)
                {
                    log.LogDebug(e, "Queue depth probe failed; trying again");
                    if (connection is { IsOpen: false }) { await connection.DisposeAsync(); connection = null; }
                }
                await Task.Delay(Every, clock, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
        finally
        {
            if (connection is not null) await connection.DisposeAsync();
        }
    }

    async Task ProbeAsync(IConnection connection, string queue, CancellationToken ct)
    {
        // a failed passive declare closes its channel (the queue is not there yet): one channel per probe
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        try
        {
            var ok = await channel.QueueDeclarePassiveAsync(queue, ct);
            _depths[queue] = ok.MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            _depths.TryRemove(queue, out _); // not declared yet: no series rather than a false zero
        }
    }
}

public static class QueueDepthProbeRegistration
{
    /// <summary>Watches the queue of <typeparamref name="TConsumer"/> (as the bus names it) in the queue_messages
    /// gauge.</summary>
    public static IServiceCollection AddQueueDepthOf<TConsumer>(this IServiceCollection services)
        where TConsumer : class, IConsumer
    {
        services.AddSingleton(new QueueDepthProbe.Queue(names => names.Consumer<TConsumer>()));
        if (services.All(d => d.ImplementationType != typeof(QueueDepthProbe)))
            services.AddHostedService<QueueDepthProbe>();
        return services;
    }
}
