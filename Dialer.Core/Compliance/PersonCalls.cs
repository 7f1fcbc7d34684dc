using Dialer.Core.Compliance.Rules;
using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Dialer.Core.Dialing;
using Dialer.Core.Figures;
using Dialer.Core.Privacy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dialer.Core.Compliance;

/// <summary>
/// Each number's <see cref="PersonHistory"/> across every campaign, for a claim's candidates, in one query. Inside the
/// claim's transaction it also takes a transaction lock per number: two campaigns claiming the same number at once
/// cannot both see it free, so one of them finds it dialing elsewhere and waits.
/// </summary>
public static class PersonCalls
{
    /// <summary>How far back an abandoned call can still lock a number out: the longest shipped lockout.</summary>
    internal static readonly TimeSpan LongestLockout = RuleBook.Shipped.All
        .Select(r => TimeSpan.FromHours(r.File.AbandonedLockout?.Hours ?? 0)).Max();

    /// <summary>
    /// The history's three columns (calls, last_abandoned, dialing_elsewhere) of the number <paramref name="phone"/>
    /// with its keyed hash <paramref name="hash"/> (SQL expressions), against the parameters @since
    /// (<see cref="AttemptsLast24Hours.Since"/>), @lockout_since and @campaign; it takes the number's lock.
    /// </summary>
    // an anonymised attempt no longer reaches its number through its contact, only through its keyed hash
    internal static string ColumnsSql(string phone, string hash) => $"""
          ((SELECT count(*) FROM call_attempts a JOIN contacts c ON c.id = a.contact_id
             WHERE c.phone = {phone} AND a.created_at > @since AND a.state <> {(int)AttemptState.Skipped})
           + (SELECT count(*) FROM call_attempts a
               WHERE a.phone_hash = {hash} AND a.created_at > @since AND a.state <> {(int)AttemptState.Skipped}))::int
           AS calls,
          GREATEST(
            (SELECT max(coalesce(a.answered_at, a.created_at))
               FROM call_attempts a JOIN contacts c ON c.id = a.contact_id
              WHERE c.phone = {phone} AND a.created_at > @lockout_since AND {CallFigures.Abandoned.Sql}),
            (SELECT max(coalesce(a.answered_at, a.created_at)) FROM call_attempts a
              WHERE a.phone_hash = {hash} AND a.created_at > @lockout_since AND {CallFigures.Abandoned.Sql}))
           AS last_abandoned,
          (EXISTS (SELECT 1 FROM contacts c WHERE c.phone = {phone} AND c.campaign_id <> @campaign
                   AND c.status = '{ContactStatus.Dialing}')
           OR {phone} = ANY(@busy)) AS dialing_elsewhere
        """;

    static readonly string Sql = $"""
        SELECT p.phone,
        {ColumnsSql("p.phone", "p.hash")}
        FROM (SELECT phone, {PhoneHash.Sql("phone")} AS hash FROM unnest(@phones) AS phone) p
        """;

    /// <summary>The parameters <see cref="ColumnsSql"/> reads besides the number.</summary>
    /// <param name="busy">the numbers whose lock another claim holds (<see cref="LockAsync"/>)</param>
    internal static NpgsqlParameter[] Parameters(Guid campaignId, DateTimeOffset now, string[] busy) =>
    [
        new("campaign", campaignId), new("since", AttemptsLast24Hours.Since(now)),
        new("lockout_since", now - LongestLockout), new("busy", busy),
    ];

    /// <summary>
    /// Takes each number's transaction lock, in a statement of its own before the history is read: the read's snapshot
    /// then starts after the lock is held, so a claim of another campaign that held it and committed is seen with its
    /// contact dialing. (Read in the same statement, the snapshot was older than the lock and missed that commit.)
    /// </summary>
    /// <returns>the numbers another claim holds now</returns>
    internal static async Task<string[]> LockAsync(DialerDb db, IEnumerable<string> phones, CancellationToken ct) =>
        [.. await db.Database.SqlQueryRaw<string>(
                "SELECT phone AS \"Value\" FROM unnest(@phones) AS phone "
                + "WHERE NOT pg_try_advisory_xact_lock(hashtextextended(phone, 18))",
                new NpgsqlParameter("phones", phones.Distinct().ToArray()))
            .ToListAsync(ct)];

    sealed record Row(string Phone, int Calls, DateTimeOffset? LastAbandoned, bool DialingElsewhere);

    /// <summary>
    /// Every candidate's history; call inside the claim's transaction (the locks last until it ends).
    /// </summary>
    public static async Task<Dictionary<string, PersonHistory>> ForAsync(DialerDb db, Guid campaignId,
        IReadOnlyCollection<string> phones, DateTimeOffset now, CancellationToken ct)
    {
        if (phones.Count == 0) return [];
        var busy = await LockAsync(db, phones, ct);
        var rows = await db.Database.SqlQueryRaw<Row>(Sql,
                [new NpgsqlParameter("phones", phones.Distinct().ToArray()), .. Parameters(campaignId, now, busy)])
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Phone, r => new PersonHistory(r.Calls, r.LastAbandoned, r.DialingElsewhere));
    }
}
