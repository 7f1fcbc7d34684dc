using Dialer.Core.Changes;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dialer.Tests.Changes;

/// <summary>
/// A round publishes its whole batch at once and awaits every confirm: what failed partway through stays in the
/// outbox for the next round, and what was confirmed is never lost nor held back by it.
/// </summary>
public sealed class OutboxPartialBatchTests(OutboxWorld world) : IClassFixture<OutboxWorld>
{
    const int Batch = 20; // at least the bulk write's threshold: the claim's case

    [Fact]
    public async Task A_publish_that_fails_partway_through_a_batch_is_sent_by_a_later_round_and_the_rest_once()
    {
        var (listener, received) = await OutboxWorld.ListenAsync();
        using var process = await world.ProcessAsync(PortProxy.RabbitMq, dispatching: false);
        try
        {
            var probes = await WriteAsync(process);
            var rowIds = await RowIdsAsync(probes);
            // the middle event cannot be published (as if its confirm never came): the broker takes the others
            var broken = probes[Batch / 2];
            await SetBodyAsync(rowIds[broken], """{"Id": "not an id"}""");

            var dispatcher = ActivatorUtilities.CreateInstance<OutboxDispatcher>(process.Services);
            var first = await dispatcher.DispatchOnceAsync(default);
            Assert.True(first.Failed >= 1 && first.Published >= Batch - 1, first.ToString());
            await WaitForAsync(() => probes.Where(p => p != broken).All(p => received.ContainsKey(p)));
            var rows = await RowsAsync(rowIds);
            Assert.All(probes.Where(p => p != broken), p => Assert.NotNull(rows[p].PublishedAt));
            Assert.Null(rows[broken].PublishedAt);
            Assert.Equal(1, rows[broken].Attempts);
            Assert.False(received.ContainsKey(broken));

            await SetBodyAsync(rowIds[broken], $$"""{"Id": "{{broken}}", "Note": "readable again"}""");
            await dispatcher.DispatchOnceAsync(default);
            await WaitForAsync(() => received.ContainsKey(broken));
            Assert.NotNull((await RowsAsync(rowIds))[broken].PublishedAt);
            await Task.Delay(500); // a second copy of any, if one were sent, would have arrived by now
            Assert.All(probes, p => Assert.Equal(1, received[p]));
        }
        finally
        {
            await process.StopAsync();
            await listener.StopAsync();
        }
    }

    [Fact]
    public async Task A_broker_lost_while_a_batch_is_in_flight_loses_none_of_it()
    {
        await using var broker = new PortProxy(PortProxy.RabbitMq);
        broker.Open();
        var (listener, received) = await OutboxWorld.ListenAsync();
        using var process = await world.ProcessAsync(broker.Port, dispatching: false);
        try
        {
            var probes = await WriteAsync(process);
            var rowIds = await RowIdsAsync(probes);
            var dispatcher = ActivatorUtilities.CreateInstance<OutboxDispatcher>(process.Services);
            var round = dispatcher.DispatchOnceAsync(default);
            await WaitForAsync(() => !received.IsEmpty || round.IsCompleted);
            broker.Close(); // mid-batch, unless the whole batch was confirmed already
            var cut = await round;
            Assert.Equal(cut.Claimed, cut.Published + cut.Failed);

            broker.Open();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while ((await RowsAsync(rowIds)).Values.Any(r => r.PublishedAt is null) && DateTime.UtcNow < deadline)
                await dispatcher.DispatchOnceAsync(default);
            await WaitForAsync(() => probes.All(p => received.ContainsKey(p)));
            Assert.All((await RowsAsync(rowIds)).Values, r => Assert.NotNull(r.PublishedAt));
        }
        finally
        {
            await process.StopAsync();
            await listener.StopAsync();
        }
    }

    async Task<List<Guid>> WriteAsync(IHost process)
    {
        var probes = Enumerable.Range(0, Batch).Select(_ => Guid.NewGuid()).ToList();
        using var scope = process.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<StateChanges>().RunAsync((unit, _) =>
        {
            foreach (var (id, i) in probes.Select((id, i) => (id, i))) unit.Publish(new OutboxProbe(id, $"{i}"));
            return Task.CompletedTask;
        }, default);
        return probes;
    }

    async Task SetBodyAsync(long row, string body)
    {
        await using var db = world.Database.CreateDb();
        await db.Database.ExecuteSqlAsync($"UPDATE outbox_messages SET body = {body}::jsonb WHERE id = {row}");
    }

    /// <summary>Each probe's outbox row, found by its id while its body is still readable.</summary>
    async Task<Dictionary<Guid, long>> RowIdsAsync(IReadOnlyCollection<Guid> probes)
    {
        await using var db = world.Database.CreateDb();
        var ids = probes.Select(p => p.ToString()).ToArray();
        var rows = await db.OutboxMessages.FromSql($"SELECT * FROM outbox_messages WHERE body->>'Id' = ANY({ids})")
            .AsNoTracking().ToListAsync();
        return probes.ToDictionary(p => p, p => rows.Single(r => r.Body.Contains(p.ToString())).Id);
    }

    async Task<Dictionary<Guid, OutboxMessage>> RowsAsync(Dictionary<Guid, long> rowIds)
    {
        await using var db = world.Database.CreateDb();
        var ids = rowIds.Values.ToArray();
        var rows = await db.OutboxMessages.Where(m => ids.Contains(m.Id)).AsNoTracking().ToDictionaryAsync(m => m.Id);
        return rowIds.ToDictionary(p => p.Key, p => rows[p.Value]);
    }

    static async Task WaitForAsync(Func<bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!done() && DateTime.UtcNow < deadline) await Task.Delay(50);
    }
}
