using Dialer.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dialer.Tests.Infrastructure;

/// <summary>A fresh PostgreSQL database for one test run, migrated at start and dropped at the end.</summary>
public sealed class TestDatabase : IAsyncLifetime
{
    static readonly string ServerConnection =
        Environment.GetEnvironmentVariable("DIALER_TEST_SERVER")
        ?? "Host=127.0.0.1;Port=5432;Username=dialer;Password=dialer;Database=postgres";

    public string Name { get; } = "dialer_test_" + Guid.NewGuid().ToString("N")[..12];

    public string ConnectionString => new NpgsqlConnectionStringBuilder(ServerConnection)
    {
        Database = Name, MaxPoolSize = 40, IncludeErrorDetail = true,
    }.ConnectionString;

    public DialerDb CreateDb()
    {
        var options = new DbContextOptionsBuilder<DialerDb>();
        options.UseDialerDb(ConnectionString);
        return new DialerDb(options.Options);
    }

    public async Task InitializeAsync()
    {
        await using (var server = new NpgsqlConnection(ServerConnection))
        {
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {Name}", server);
            await create.ExecuteNonQueryAsync();
        }
        await using var db = CreateDb();
        await db.Database.MigrateAsync();
    }

    /// <summary>
    /// Drops the database. FORCE cannot end an autovacuum worker that happens to be in it (our role is no superuser),
    /// so a refusal is tried again a few times, and a database left behind is only disk, never a failed test.
    /// </summary>
    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var server = new NpgsqlConnection(ServerConnection);
                await server.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", server);
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e)
                when (e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse)
            {
                if (attempt == 5)
                {
                    Console.Error.WriteLine($"test database {Name} left behind: {e.MessageText}");
                    return;
                }
                await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt));
            }
        }
    }
}
