using Dialer.Core.Scheduling;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dialer.Tests.Scheduling;

/// <summary>
/// One tick of a campaign at a time on real PostgreSQL, whatever Quartz believes about its nodes: a second holder is
/// refused while the first holds, and gets it once the first releases or its process's session dies.
/// </summary>
public sealed class PacingLockTests : IAsyncLifetime
{
    readonly TestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task A_second_tick_of_the_campaign_is_refused_until_the_first_releases()
    {
        var campaign = Guid.NewGuid();
        await using var first = _database.CreateDb();
        await using var second = _database.CreateDb();
        await using var other = _database.CreateDb();

        Assert.True(await PacingLock.TryTakeAsync(first, campaign, default));
        Assert.False(await PacingLock.TryTakeAsync(second, campaign, default));
        Assert.True(await PacingLock.TryTakeAsync(other, Guid.NewGuid(), default)); // another campaign paces freely

        await PacingLock.ReleaseAsync(first, campaign);
        Assert.True(await PacingLock.TryTakeAsync(second, campaign, default));
        await PacingLock.ReleaseAsync(second, campaign);
    }

    [Fact]
    public async Task A_holder_whose_session_dies_leaves_the_campaign_free()
    {
        var campaign = Guid.NewGuid();
        await using var dying = _database.CreateDb();
        await using var next = _database.CreateDb();
        Assert.True(await PacingLock.TryTakeAsync(dying, campaign, default));
        var pid = await dying.Database.SqlQuery<int>($"SELECT pg_backend_pid() AS \"Value\"").SingleAsync();

        await using (var admin = new NpgsqlConnection(_database.ConnectionString))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand($"SELECT pg_terminate_backend({pid})", admin);
            await kill.ExecuteScalarAsync();
        }

        Assert.True(await PacingLock.TryTakeAsync(next, campaign, default));
        await PacingLock.ReleaseAsync(next, campaign);
    }

    [Fact]
    public async Task A_released_lock_does_not_outlive_its_connection_in_the_pool()
    {
        var campaign = Guid.NewGuid();
        for (var tick = 0; tick < 5; tick++)
        {
            await using var db = _database.CreateDb();
            Assert.True(await PacingLock.TryTakeAsync(db, campaign, default), $"tick {tick} refused");
            await PacingLock.ReleaseAsync(db, campaign);
        }
        await using var check = _database.CreateDb();
        var held = await check.Database.SqlQuery<long>($"""
            SELECT count(*) AS "Value" FROM pg_locks
            WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
            """).SingleAsync();
        Assert.Equal(0, held);
    }
}
