using Dialer.Core.Data;
using Dialer.Core.Privacy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dialer.Core.Compliance.Consents;

/// <summary>
/// The kinds of consent a contact holds at a moment: given by then, not lapsed (<see
/// cref="ContactConsent.ValidUntil"/>), not withdrawn, and not undone by a later withdrawal of the same kind for the
/// same number in any campaign, an erased person's included (matched by the number's keyed hash: their contact no
/// longer holds the number). What <see cref="DialPermit"/> is told.
/// </summary>
public static class ConsentsHeld
{
    /// <summary>
    /// The held kinds' bits of the contact <paramref name="contactId"/> (a SQL expression for contacts' id) with the
    /// number <paramref name="phone"/>, at <paramref name="at"/>.
    /// </summary>
    public static string Sql(string contactId, string phone, string at) => $"""
        coalesce((SELECT bit_or({ConsentKind.BitSql("k.kind")}) FROM contact_consents k
          WHERE k.contact_id = {contactId} AND k.given_at <= {at} AND k.withdrawn_at IS NULL
            AND (k.valid_until IS NULL OR k.valid_until > {at})
            AND NOT EXISTS (SELECT 1 FROM contact_consents w JOIN contacts wc ON wc.id = w.contact_id
              WHERE w.withdrawn_at IS NOT NULL AND w.kind = k.kind AND w.withdrawn_at >= k.given_at
                AND wc.phone = {phone})
            AND NOT EXISTS (SELECT 1 FROM contact_consents e
              WHERE e.phone_hash = {PhoneHash.Sql(phone)} AND e.withdrawn_at IS NOT NULL AND e.kind = k.kind
                AND e.withdrawn_at >= k.given_at)), 0)
        """;

    public static async Task<Dictionary<long, ConsentKinds>> ForAsync(DialerDb db, IReadOnlyCollection<long> ids,
        DateTimeOffset at, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var rows = await db.Database.SqlQueryRaw<Held>(ForIdsSql,
            new NpgsqlParameter("ids", ids.ToArray()), new NpgsqlParameter("at", at)).ToListAsync(ct);
        return rows.ToDictionary(r => r.ContactId, r => (ConsentKinds)r.Kinds);
    }

    public static async Task<ConsentKinds> ForAsync(DialerDb db, long id, DateTimeOffset at, CancellationToken ct) =>
        (await ForAsync(db, [id], at, ct)).GetValueOrDefault(id);

    // built from constants only: the ids and the moment go as parameters
    static readonly string ForIdsSql = $"""
        SELECT c.id AS contact_id, {Sql("c.id", "c.phone", "@at")}::int AS kinds
        FROM contacts c WHERE c.id = ANY(@ids)
          AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.contact_id = c.id)
        """;

    sealed record Held(long ContactId, int Kinds);
}
