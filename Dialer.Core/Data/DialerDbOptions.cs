using Microsoft.EntityFrameworkCore;

namespace Dialer.Core.Data;

public static class DialerDbOptions
{
    /// <summary>
    /// PostgreSQL in snake_case, retrying with <see cref="DialerExecutionStrategy"/>. A transaction begun outside the
    /// strategy is refused by it: every transaction goes through <see cref="Changes.StateChanges"/>.
    /// </summary>
    public static DbContextOptionsBuilder UseDialerDb(this DbContextOptionsBuilder options, string connectionString,
        bool retrying = true) =>
        options.UseNpgsql(connectionString, npgsql =>
            {
                npgsql.MigrationsAssembly(typeof(DialerDb).Assembly.GetName().Name);
                if (retrying) npgsql.ExecutionStrategy(dependencies => new DialerExecutionStrategy(dependencies));
            })
            .UseSnakeCaseNamingConvention();

    /// <summary>
    /// A context that streams what it reads (an export, a report over a million contacts). Under a retrying strategy EF
    /// reads a whole result into memory before its first row; a stream cannot be retried anyway (rows already sent), so
    /// a drop mid-way fails the read. The caller disposes it.
    /// </summary>
    public static DialerDb Streaming(this DialerDb db)
    {
        var options = new DbContextOptionsBuilder<DialerDb>();
        options.UseDialerDb(db.Database.GetConnectionString()!, retrying: false);
        return new DialerDb(options.Options);
    }
}
