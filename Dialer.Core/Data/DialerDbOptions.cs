using Microsoft.EntityFrameworkCore;

namespace Dialer.Core.Data;

public static class DialerDbOptions
{
    /// <summary>PostgreSQL with snake_case names and this assembly's migrations: the services, the tools and the tests
    /// alike.</summary>
    public static DbContextOptionsBuilder UseDialerDb(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString,
                npgsql => npgsql.MigrationsAssembly(typeof(DialerDb).Assembly.GetName().Name))
            .UseSnakeCaseNamingConvention();
}
