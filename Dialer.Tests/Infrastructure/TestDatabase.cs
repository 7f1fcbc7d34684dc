using Dialer.Core.Data;
using Dialer.Core.Hosting;
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

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var server = new NpgsqlConnection(ServerConnection);
        await server.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", server);
        await drop.ExecuteNonQueryAsync();
    }
}
