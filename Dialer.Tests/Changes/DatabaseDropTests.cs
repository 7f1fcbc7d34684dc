using Dialer.Core.Changes;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Changes;

/// <summary>PostgreSQL restarting or dropping a connection mid-change: the change is tried again, whole, and saved
/// once.</summary>
public sealed class DatabaseDropTests(OutboxWorld world) : IClassFixture<OutboxWorld>
{
    [Fact]
    public async Task A_change_whose_connection_postgresql_drops_midway_is_retried_whole_and_saved_once()
    {
        await using var db = world.Database.CreateDb(); // the engine's own options
        var id = Guid.NewGuid();
        var tries = 0;

        await new StateChanges(db, new OutboxSignal(), TimeProvider.System).RunAsync(async (unit, ct) =>
        {
            tries++;
            unit.Publish(new OutboxProbe(id, "saved once though its first connection died"));
            if (tries > 1) return;
            var pid = await unit.Db.Database.SqlQuery<int>($"SELECT pg_backend_pid() AS \"Value\"").SingleAsync(ct);
            await using var admin = world.Database.CreateDb();
            await admin.Database.ExecuteSqlAsync($"SELECT pg_terminate_backend({pid})", ct);
        }, default);

        Assert.Equal(2, tries);
        await using var check = world.Database.CreateDb();
        Assert.Single(await check.OutboxMessages
            .FromSql($"SELECT * FROM outbox_messages WHERE body->>'Id' = {id.ToString()}").ToListAsync());
    }
}
