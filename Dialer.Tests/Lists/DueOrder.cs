using Dialer.Core.Contacts;
using Dialer.Core.Dialing;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Lists;

/// <summary>The contacts the claim's own query (<see cref="DueContacts"/>) takes first, in its order; it locks them
/// in a transaction rolled back, so nothing changes.</summary>
public static class DueOrder
{
    public static async Task<List<Contact>> FirstAsync(this TestDatabase database, Guid campaign, int count)
    {
        await using var db = database.CreateDb();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var page = await DueContacts.LockAsync(db, campaign, DateTimeOffset.UtcNow, count, null, default);
            await transaction.RollbackAsync();
            return page;
        });
    }
}
