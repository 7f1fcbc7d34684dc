using System.Buffers.Binary;
using Dialer.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Core.Scheduling;

/// <summary>
/// The campaign's pacing, held by one tick at a time whatever Quartz believes: a PostgreSQL session lock on the
/// tick's own connection. Quartz moves a silent node's triggers to another node after a few seconds; a node that was
/// only slow (a long pause on a loaded machine) may then still be inside its tick, and the second tick to the lock
/// skips instead of opening the campaign's lines twice. A process that dies loses its session and so the lock.
/// </summary>
public static class PacingLock
{
    /// <summary>Keeps <paramref name="db"/>'s connection open until <see cref="ReleaseAsync"/>.</summary>
    /// <returns>false when another tick of the campaign holds it</returns>
    public static async Task<bool> TryTakeAsync(DialerDb db, Guid campaignId, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var taken = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({KeyOf(campaignId)}) AS \"Value\"")
            .SingleAsync(ct);
        if (!taken) await db.Database.CloseConnectionAsync();
        return taken;
    }

    /// <summary>Not cancellable: a lock left on a pooled connection would hold the campaign's pacing.</summary>
    public static async Task ReleaseAsync(DialerDb db, Guid campaignId)
    {
        try
        {
            await db.Database.SqlQuery<bool>($"SELECT pg_advisory_unlock({KeyOf(campaignId)}) AS \"Value\"")
                .SingleAsync(CancellationToken.None);
        }
        finally
        {
            await db.Database.CloseConnectionAsync(); // a broken connection ends its session, and the lock with it
        }
    }

    /// <summary>The campaign's 128 bits folded to the 64 of an advisory lock's key (0x5ca1ab1e_… are taken).</summary>
    public static long KeyOf(Guid campaignId)
    {
        Span<byte> bytes = stackalloc byte[16];
        campaignId.TryWriteBytes(bytes);
        return BinaryPrimitives.ReadInt64LittleEndian(bytes) ^ BinaryPrimitives.ReadInt64LittleEndian(bytes[8..]);
    }
}
