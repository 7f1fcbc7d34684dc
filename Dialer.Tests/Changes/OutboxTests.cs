using System.Collections.Concurrent;
using Dialer.Core.Changes;
using Dialer.Core.Data;
using Dialer.ServiceDefaults.Hosting;
using Dialer.Tests.Infrastructure;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dialer.Tests.Changes;

/// <summary>An event of the tests alone, so that no other test's consumer ever receives it.</summary>
public sealed record OutboxProbe(Guid Id, string Note);

public sealed class OutboxWorld : IAsyncLifetime
{
    public TestDatabase Database { get; } = new();
    public Task InitializeAsync() => Database.InitializeAsync();
    public Task DisposeAsync() => Database.DisposeAsync();

    /// <summary>A process with the database, a bus on RabbitMQ at <paramref name="rabbitPort"/>, and so an outbox
    /// dispatcher.</summary>
    public async Task<IHost> ProcessAsync(int rabbitPort, bool dispatching = true)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Dialer"] = Database.ConnectionString,
            ["RabbitMq:Port"] = rabbitPort.ToString(),
            ["Outbox:PublishTimeoutSeconds"] = "2",
            ["Outbox:MaxBackoffSeconds"] = "1",
        });
        builder.AddDialerDb();
        builder.AddDialerBus();
        if (!dispatching) // the test runs the rounds itself
            builder.Services.Remove(builder.Services.Single(d => d.ImplementationType == typeof(OutboxDispatcher)));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>Receives the probes from the shared broker, on a queue of its own.</summary>
    public static async Task<(IBusControl Bus, ConcurrentDictionary<Guid, int> Received)> ListenAsync()
    {
        var received = new ConcurrentDictionary<Guid, int>();
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host("127.0.0.1", TestVirtualHost.Name ?? "/", h => { h.Username("guest"); h.Password("guest"); });
            cfg.ReceiveEndpoint("test-outbox-" + Guid.NewGuid().ToString("N")[..8], e =>
            {
                e.AutoDelete = true;
                e.Durable = false;
                e.Handler<OutboxProbe>(c =>
                {
                    received.AddOrUpdate(c.Message.Id, 1, (_, n) => n + 1);
                    return Task.CompletedTask;
                });
            });
        });
        await bus.StartAsync();
        return (bus, received);
    }
}

public sealed class OutboxTests(OutboxWorld world) : IClassFixture<OutboxWorld>
{
    [Fact]
    public async Task An_event_written_while_RabbitMQ_is_unreachable_is_published_once_it_is_back()
    {
        await using var broker = new PortProxy(PortProxy.RabbitMq);
        var (listener, received) = await OutboxWorld.ListenAsync();
        using var process = await world.ProcessAsync(broker.Port);
        try
        {
            var probe = new OutboxProbe(Guid.NewGuid(), "written while the broker is down");
            using (var scope = process.Services.CreateScope())
                await scope.ServiceProvider.GetRequiredService<StateChanges>().RunAsync((unit, _) =>
                {
                    unit.Publish(probe);
                    return Task.CompletedTask;
                }, default);

            // a publish not confirmed within Outbox:PublishTimeoutSeconds counts as failed, however busy the machine
            var failing = DateTime.UtcNow.AddSeconds(30);
            while ((await RowOfAsync(probe.Id)).Attempts == 0 && DateTime.UtcNow < failing) await Task.Delay(200);
            var waiting = await RowOfAsync(probe.Id);
            Assert.Null(waiting.PublishedAt);
            Assert.True(waiting.Attempts >= 1, $"{waiting.Attempts} failed publishes counted");
            Assert.False(received.ContainsKey(probe.Id));

            broker.Open();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!received.ContainsKey(probe.Id) && DateTime.UtcNow < deadline) await Task.Delay(100);
            Assert.True(received.ContainsKey(probe.Id), "not published after the broker came back");
            while ((await RowOfAsync(probe.Id)).PublishedAt is null && DateTime.UtcNow < deadline)
                await Task.Delay(100);
            Assert.NotNull((await RowOfAsync(probe.Id)).PublishedAt);
        }
        finally
        {
            await process.StopAsync();
            await listener.StopAsync();
        }
    }

    [Fact]
    public async Task A_change_that_fails_or_is_discarded_takes_its_events_with_it()
    {
        await using var db = world.Database.CreateDb();
        var changes = new StateChanges(db, new OutboxSignal(), TimeProvider.System);
        var (thrown, discarded) = (Guid.NewGuid(), Guid.NewGuid());

        await Assert.ThrowsAsync<InvalidOperationException>(() => changes.RunAsync((unit, _) =>
        {
            unit.Publish(new OutboxProbe(thrown, "the change failed after publishing"));
            unit.Db.CampaignChanges.Add(new Core.Campaigns.History.CampaignChange
            {
                CampaignId = thrown,
                Action = "test"
            });
            throw new InvalidOperationException("the change failed");
        }, default));
        await changes.RunAsync((unit, _) =>
        {
            unit.Publish(new OutboxProbe(discarded, "the change was refused"));
            unit.Db.CampaignChanges.Add(new Core.Campaigns.History.CampaignChange
            {
                CampaignId = discarded,
                Action = "test"
            });
            unit.Discard();
            return Task.CompletedTask;
        }, default);

        await using var check = world.Database.CreateDb();
        Assert.False(await check.CampaignChanges.AnyAsync(c => c.CampaignId == thrown || c.CampaignId == discarded));
        Assert.Empty(await check.OutboxMessages.FromSql(
                $"SELECT * FROM outbox_messages WHERE body->>'Id' IN ({thrown.ToString()}, {discarded.ToString()})")
            .ToListAsync());
    }

    [Fact]
    public async Task Locks_are_taken_campaign_attempt_transfer_contact_agent_and_a_lock_out_of_order_is_refused()
    {
        await using var db = world.Database.CreateDb();
        var changes = new StateChanges(db, new OutboxSignal(), TimeProvider.System);
        var (low, high) = (new Guid("00000000-0000-0000-0000-000000000001"),
            new Guid("00000000-0000-0000-0000-000000000002"));

        await changes.RunAsync(async (unit, ct) =>
        {
            await unit.LockCampaignAsync(Guid.NewGuid(), ct);
            var attemptId = Guid.NewGuid();
            await unit.LockAttemptAsync(attemptId, ct);
            await unit.LockTransferAsync(attemptId, Guid.NewGuid(), ct);
            await unit.LockContactAsync(1, ct);
            await unit.LockAgentAsync(low, ct);
            await unit.LockAgentAsync(high, ct);
            await unit.LockAgentAsync(low, ct); // held already: waits for nothing
        }, default);
        var early = await Assert.ThrowsAsync<InvalidOperationException>(() => changes.RunAsync(async (unit, ct) =>
        {
            await unit.LockAgentAsync(low, ct);
            await unit.LockAttemptAsync(Guid.NewGuid(), ct);
        }, default));
        Assert.Contains("Lock order broken", early.Message);
        await Assert.ThrowsAsync<InvalidOperationException>(() => changes.RunAsync(async (unit, ct) =>
        {
            await unit.LockAgentAsync(high, ct);
            await unit.LockAgentAsync(low, ct);
        }, default));
    }

    [Fact]
    public async Task Under_Npgsqls_retrying_execution_strategy_the_unit_of_work_runs_as_one_retriable_unit()
    {
        var options = new DbContextOptionsBuilder<DialerDb>()
            .UseNpgsql(world.Database.ConnectionString, o => o.EnableRetryOnFailure())
            .UseSnakeCaseNamingConvention().Options;
        await using var db = new DialerDb(options);
        var id = Guid.NewGuid();

        await new StateChanges(db, new OutboxSignal(), TimeProvider.System).RunAsync((unit, _) =>
        {
            unit.Publish(new OutboxProbe(id, "under a retrying strategy"));
            return Task.CompletedTask;
        }, default);

        await using var check = world.Database.CreateDb();
        Assert.Single(await ProbesAsync(check, id));
    }

    async Task<OutboxMessage> RowOfAsync(Guid probeId)
    {
        await using var db = world.Database.CreateDb();
        return Assert.Single(await ProbesAsync(db, probeId));
    }

    static Task<List<OutboxMessage>> ProbesAsync(DialerDb db, Guid probeId) =>
        db.OutboxMessages.FromSql($"SELECT * FROM outbox_messages WHERE body->>'Id' = {probeId.ToString()}")
            .AsNoTracking().ToListAsync();
}
