using Dialer.Core.Compliance;
using Dialer.Core.Compliance.Consents;
using Dialer.Core.Compliance.Registries;
using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Dialer.Core.Figures;
using Dialer.Core.Privacy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dialer.Core.Dialing;

/// <summary>
/// What <see cref="DialPermit"/> is told about each candidate of a claim, in one query instead of one per input: its
/// attempts in the last 24 hours (<see cref="AttemptsLast24Hours"/>), the do-not-call match (<see
/// cref="DoNotCallMatch"/>), the consents it holds (<see cref="ConsentsHeld"/>) and its number's calls across every
/// campaign (<see cref="PersonCalls"/>, which also takes the number's lock) and the registry copies holding its number
/// (<see cref="RegistryListing"/>). Each input is its own class's SQL.
/// </summary>
public static class ClaimInputs
{
    public readonly record struct Inputs(int AttemptsLast24Hours, bool OnDoNotCall, ConsentKinds Consents,
        PersonHistory Person, Guid[] RegistryHits)
    {
        public RegistryCheck Registries(RegistryCopies copies) => new(copies, RegistryHits);
    }

    static readonly string Sql = $"""
        SELECT p.id AS contact_id,
          {AttemptsLast24Hours.CountSql("p.id")}::int AS recent,
          EXISTS (SELECT 1 FROM do_not_call d WHERE {DoNotCallMatch.BindsSql("d", "p.phone", "@campaign")}) AS listed,
          {ConsentsHeld.Sql("p.id", "p.phone", "@at")}::int AS consents,
          {RegistryListing.Sql("p.phone", "@registries")} AS registry_hits,
        {PersonCalls.ColumnsSql("p.phone", "p.hash")}
        FROM (SELECT id, phone, {PhoneHash.Sql("phone")} AS hash FROM unnest(@ids, @phones) AS u(id, phone)) p
        """;

    sealed record Row(long ContactId, int Recent, bool Listed, int Consents, Guid[] RegistryHits, int Calls,
        DateTimeOffset? LastAbandoned, bool DialingElsewhere);

    /// <summary>Each candidate's inputs; call inside the claim's transaction (the numbers' locks last until it
    /// ends).</summary>
    public static async Task<Dictionary<long, Inputs>> ForAsync(DialerDb db, Guid campaignId,
        IReadOnlyCollection<Contact> candidates, DateTimeOffset now, CancellationToken ct,
        RegistryCopies? registries = null)
    {
        if (candidates.Count == 0) return [];
        var busy = await PersonCalls.LockAsync(db, candidates.Select(c => c.Phone), ct);
        var rows = await db.Database.SqlQueryRaw<Row>(Sql,
        [
            new NpgsqlParameter("ids", candidates.Select(c => c.Id).ToArray()),
            new NpgsqlParameter("phones", candidates.Select(c => c.Phone).ToArray()),
            new NpgsqlParameter("at", now), RegistryListing.Parameter("registries", registries),
            .. PersonCalls.Parameters(campaignId, now, busy),
        ]).ToListAsync(ct);
        return rows.ToDictionary(r => r.ContactId, r => new Inputs(r.Recent, r.Listed, (ConsentKinds)r.Consents,
            new PersonHistory(r.Calls, r.LastAbandoned, r.DialingElsewhere), r.RegistryHits));
    }
}
