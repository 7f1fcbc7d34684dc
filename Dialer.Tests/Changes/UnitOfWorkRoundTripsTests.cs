using System.Data.Common;
using Dialer.Core.Changes;
using Dialer.Core.Compliance;
using Dialer.Core.Data;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dialer.Tests.Changes;

public sealed class UnitOfWorkDatabase : IAsyncLifetime
{
    public TestDatabase Database { get; } = new();
    public Task InitializeAsync() => Database.InitializeAsync();
    public Task DisposeAsync() => Database.DisposeAsync();
}

/// <summary>
/// A unit of work is retried whole when it fails, so a save inside it needs no savepoint of its own: EF's automatic
/// savepoints cost two round trips a save (one answer's unit saves once, a claim's several times).
/// </summary>
public sealed class UnitOfWorkRoundTripsTests(UnitOfWorkDatabase world) : IClassFixture<UnitOfWorkDatabase>
{
    [Fact]
    public async Task Saves_inside_a_unit_of_work_send_no_savepoint()
    {
        var (commands, savepoints) = (new CommandLog(), new Savepoints());
        var options = new DbContextOptionsBuilder<DialerDb>();
        options.UseDialerDb(world.Database.ConnectionString).AddInterceptors(commands, savepoints);
        await using var db = new DialerDb(options.Options);
        var changes = new StateChanges(db, new OutboxSignal(), TimeProvider.System);

        await changes.RunAsync(async (unit, ct) =>
        {
            db.DoNotCall.Add(new DoNotCallEntry { Phone = "+14155550101", AddedAt = unit.Now, Reason = "first" });
            await db.SaveChangesAsync(ct); // a save midway, as the preview desk's
            db.DoNotCall.Add(new DoNotCallEntry { Phone = "+14155550102", AddedAt = unit.Now, Reason = "second" });
        }, default);

        Assert.Equal(0, savepoints.Created);
        Assert.DoesNotContain(commands.Texts, t => t.Contains("SAVEPOINT", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(2, commands.Texts.Count(t => t.Contains("INSERT INTO do_not_call", StringComparison.Ordinal)));
        await using var check = world.Database.CreateDb();
        Assert.Equal(2, await check.DoNotCall.CountAsync(d => d.Phone.StartsWith("+1415555010")));
        Assert.True(db.Database.AutoSavepointsEnabled); // the context is as it was, for whatever uses it next
    }

    sealed class Savepoints : DbTransactionInterceptor
    {
        public int Created { get; private set; }

        public override ValueTask<InterceptionResult> CreatingSavepointAsync(DbTransaction transaction,
            TransactionEventData eventData, InterceptionResult result, CancellationToken ct = default)
        {
            Created++;
            return base.CreatingSavepointAsync(transaction, eventData, result, ct);
        }
    }
}
