using Dialer.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Dialer.Core.Compliance.Registries;

/// <summary>Which of a team's registry copies hold a number: one index probe per copy-less number, none when the
/// team has no copy.</summary>
public static class RegistryListing
{
    /// <summary>The ids (uuid[]) of the copies among <paramref name="copies"/> (a uuid[] parameter) holding
    /// <paramref name="phone"/>.</summary>
    public static string Sql(string phone, string copies) => $"""
        (CASE WHEN cardinality({copies}) = 0 THEN ARRAY[]::uuid[] ELSE ARRAY(SELECT r.list_id FROM registry_numbers r
          WHERE r.phone = {phone} AND r.list_id = ANY({copies}) ORDER BY r.list_id) END)
        """;

    public static NpgsqlParameter Parameter(string name, RegistryCopies? copies) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = copies?.Ids ?? [] };

    /// <summary>For one number: what the Worker's dial asks.</summary>
    public static async Task<RegistryCheck> ForAsync(DialerDb db, Guid teamId, string phone, DateTimeOffset now,
        CancellationToken ct)
    {
        var copies = await RegistryCopies.ForTeamAsync(db, teamId, now, ct);
        if (copies.All.Count == 0) return RegistryCheck.None;
        var listed = await db.RegistryNumbers.AsNoTracking()
            .Where(n => n.Phone == phone && copies.Ids.Contains(n.ListId)).Select(n => n.ListId).ToArrayAsync(ct);
        return new(copies, listed);
    }
}
