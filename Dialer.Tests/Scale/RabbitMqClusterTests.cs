using System.Diagnostics;
using Dialer.Core.Changes;
using Dialer.ServiceDefaults.Hosting;
using Dialer.Tests.Changes;
using Dialer.Tests.Infrastructure;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dialer.Tests.Scale;

/// <summary>A message of these tests alone, consumed on a queue whose type they check.</summary>
public sealed record QueueTypeProbe(Guid Id);

public sealed class QueueTypeProbeConsumer : IConsumer<QueueTypeProbe>
{
    public Task Consume(ConsumeContext<QueueTypeProbe> context) => Task.CompletedTask;
}

/// <summary>
/// RabbitMq:ClusterNodes and RabbitMq:QuorumQueues on the real broker. The cluster's nodes are played by two ports
/// passed through to the shared broker (PortProxy): closing one is its node going away for this process.
/// </summary>
public sealed class RabbitMqClusterTests(OutboxWorld world) : IClassFixture<OutboxWorld>
{
    [Fact]
    public async Task With_cluster_nodes_the_process_connects_through_one_and_moves_to_another_when_it_goes_away()
    {
        await using var first = new PortProxy(PortProxy.RabbitMq);
        await using var second = new PortProxy(PortProxy.RabbitMq);
        first.Open();
        second.Open();
        var (listener, received) = await OutboxWorld.ListenAsync();
        // RabbitMq:Port leads nowhere: the process reaches the broker only through the nodes listed
        using var process = await ProcessAsync(new()
        {
            ["RabbitMq:Port"] = WorkerFactory.FreePort().ToString(),
            ["RabbitMq:ClusterNodes:0"] = $"127.0.0.1:{first.Port}",
            ["RabbitMq:ClusterNodes:1"] = $"127.0.0.1:{second.Port}",
        });
        try
        {
            await PublishedAsync(process, received, "through the node it connected to");
            var (holding, other) = first.OpenConnections > 0 ? (first, second) : (second, first);
            Assert.True(holding.OpenConnections > 0, "the process reached the broker through neither node");
            Assert.Equal(0, other.OpenConnections);

            holding.Close();
            await PublishedAsync(process, received, "after its node went away");
            Assert.True(other.OpenConnections > 0, "the process did not move to the other node");
        }
        finally
        {
            await process.StopAsync();
            await listener.StopAsync();
        }
    }

    [Theory]
    [InlineData(null, "quorum")]
    [InlineData("true", "quorum")]
    [InlineData("false", "classic")]
    public async Task Durable_queues_are_quorum_queues_unless_RabbitMq_QuorumQueues_is_false(string? quorum,
        string expected)
    {
        var prefix = "qt" + Guid.NewGuid().ToString("N")[..8];
        var settings = new Dictionary<string, string?>
        {
            ["RabbitMq:EndpointPrefix"] = prefix,
            ["RabbitMq:QueueExpirySeconds"] = "60",
        };
        if (quorum is not null) settings["RabbitMq:QuorumQueues"] = quorum; // null: the setting left out
        using var process = await ProcessAsync(settings, x => x.AddConsumer<QueueTypeProbeConsumer>());
        try
        {
            var bus = process.Services.GetRequiredService<IBusControl>();
            Assert.Equal(BusHealthStatus.Healthy,
                await bus.WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60)));
            var queues = await RabbitCtlAsync("list_queues", "-q", "-p", TestVirtualHost.Name ?? "/", "name", "type");
            var line = queues.Split('\n').Select(l => l.Split('\t')).SingleOrDefault(l => l[0].StartsWith(prefix));
            Assert.True(line is not null, $"no queue {prefix}-... among:\n{queues}");
            Assert.Equal(expected, line[1].Trim());
        }
        finally
        {
            await process.StopAsync();
        }
    }

    async Task<IHost> ProcessAsync(Dictionary<string, string?> settings,
        Action<IBusRegistrationConfigurator>? consumers = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings)
        {
            ["ConnectionStrings:Dialer"] = world.Database.ConnectionString,
            ["Outbox:PublishTimeoutSeconds"] = "2",
            ["Outbox:MaxBackoffSeconds"] = "1",
        });
        builder.AddDialerDb();
        builder.AddDialerBus(consumers);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    static async Task PublishedAsync(IHost process,
        System.Collections.Concurrent.ConcurrentDictionary<Guid, int> received, string when)
    {
        var probe = new OutboxProbe(Guid.NewGuid(), when);
        using (var scope = process.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<StateChanges>().RunAsync((unit, _) =>
            {
                unit.Publish(probe);
                return Task.CompletedTask;
            }, default);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!received.ContainsKey(probe.Id) && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.True(received.ContainsKey(probe.Id), $"no event published {when}");
    }

    static async Task<string> RabbitCtlAsync(params string[] args)
    {
        var start = new ProcessStartInfo("rabbitmqctl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }
}
