using Dialer.Core.Auth;
using Dialer.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Auth;

/// <summary>
/// The first admin's key comes from configuration (Auth:BootstrapAdminKey), so a new install can be used at once.
/// </summary>
public static class BootstrapAdmin
{
    public static async Task EnsureAsync(DialerDb db, IConfiguration config, TimeProvider clock, CancellationToken ct)
    {
        var key = config["Auth:BootstrapAdminKey"];
        if (string.IsNullOrWhiteSpace(key)) return;
        var hash = User.HashKey(key);
        if (await db.Users.AnyAsync(u => u.ApiKeyHash == hash, ct)) return;
        db.Users.Add(new User
        {
            Id = Guid.CreateVersion7(), Name = "bootstrap-admin", Role = Role.Admin, ApiKeyHash = hash,
            CreatedAt = clock.GetUtcNow()
        });
        await db.SaveChangesAsync(ct);
    }
}
