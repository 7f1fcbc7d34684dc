using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Dialer.Core.Data;

/// <summary>For `dotnet ef migrations add`: the model does not depend on which server it talks to.</summary>
sealed class DesignTimeDbFactory : IDesignTimeDbContextFactory<DialerDb>
{
    public DialerDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<DialerDb>();
        options.UseDialerDb("Host=127.0.0.1;Database=dialer_design");
        return new DialerDb(options.Options);
    }
}
