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

    /// <summary>For one number: what the Worker's dial asks. One round trip reads the copies binding the team and
    /// whether each holds the number.</summary>
    public static async Task<RegistryCheck> ForAsync(DialerDb db, Guid teamId, string phone, DateTimeOffset now,
        CancellationToken ct)
    {
        var copies = await RegistryCopies.Binding(db, teamId)
            .Select(l => new { List = l, Holds = db.RegistryNumbers.Any(n => n.ListId == l.Id && n.Phone == phone) })
            .ToListAsync(ct);
        if (copies.Count == 0) return RegistryCheck.None;
        return new(RegistryCopies.Of([.. copies.Select(c => c.List)], now),
            [.. copies.Where(c => c.Holds).Select(c => c.List.Id)]);
    }
}
