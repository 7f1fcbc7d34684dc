using Dialer.Core.Campaigns;
using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Dialer.Core.Dialing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dialer.Bench.TwoLists;

/// <summary>
/// What the database says after the run, independently of the claim's own SQL: numbers two campaigns had on the line
/// at once, numbers called more than their jurisdiction's calls per person in 24 hours (or a contact more than its
/// campaign's), calls left unfinished, and contacts neither called nor set aside with a reason.
/// </summary>
public static class SharedNumberChecks
{
    public sealed record Report(int NumbersDialedAtOnce, int NumbersDialedByBoth, int NumbersOverPersonCap,
        int ContactsOverCampaignCap, int MostCallsToANumber, int CallsUnfinished, int Attempts,
        int ContactsUnexplained, IReadOnlyList<string> NotCalled)
    {
        public bool Ok => NumbersDialedAtOnce == 0 && NumbersOverPersonCap == 0 && ContactsOverCampaignCap == 0
            && CallsUnfinished == 0 && ContactsUnexplained == 0;
    }

    static readonly string Calls = $"""
        calls AS (
          SELECT c.phone, a.campaign_id, a.contact_id, coalesce(a.dialed_at, a.created_at) AS began,
                 coalesce(a.ended_at, 'infinity') AS ended
          FROM call_attempts a JOIN contacts c ON c.id = a.contact_id
          WHERE a.campaign_id = ANY(@campaigns) AND a.state <> {(int)AttemptState.Skipped})
        """;

    public static async Task<Report> RunAsync(DialerDb db, Campaign[] campaigns, IReadOnlyList<NumberRange> ranges,
        CancellationToken ct)
    {
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        var ids = campaigns.Select(c => c.Id).ToArray();
        var capped = ranges.Where(r => r.PersonCap is not null).ToList();
        var atOnce = await CountAsync(db, $"""
            WITH {Calls}
            SELECT count(DISTINCT x.phone)::int FROM calls x JOIN calls y
              ON x.phone = y.phone AND x.campaign_id < y.campaign_id AND x.began < y.ended AND y.began < x.ended
            """, ids, ct);
        var byBoth = await CountAsync(db, $"""
            WITH {Calls}
            SELECT count(*)::int FROM (SELECT phone FROM calls GROUP BY phone
                                       HAVING count(DISTINCT campaign_id) > 1) b
            """, ids, ct);
        var overPersonCap = await CountAsync(db, $"""
            WITH {Calls}, per AS (SELECT phone, count(*) AS n FROM calls GROUP BY phone)
            SELECT count(*)::int FROM per
              JOIN unnest(@prefixes::text[], @caps::int[]) AS cap(prefix, calls) ON starts_with(per.phone, cap.prefix)
            WHERE per.n > cap.calls
            """, ids, ct, new NpgsqlParameter("prefixes", capped.Select(r => r.Prefix).ToArray()),
            new NpgsqlParameter("caps", capped.Select(r => r.PersonCap!.Value).ToArray()));
        var overCampaignCap = await CountAsync(db, $"""
            WITH {Calls}
            SELECT count(*)::int FROM (SELECT contact_id FROM calls GROUP BY contact_id HAVING count(*) > @cap) o
            """, ids, ct, new NpgsqlParameter("cap", campaigns.Min(c => c.Settings.MaxAttemptsPer24Hours)));
        var most = await CountAsync(db, $"""
            WITH {Calls} SELECT coalesce(max(n), 0)::int FROM (SELECT count(*) AS n FROM calls GROUP BY phone) m
            """, ids, ct);
        var unfinished = await db.CallAttempts.CountAsync(a => ids.Contains(a.CampaignId)
            && a.State != AttemptState.Skipped && a.EndedAt == null, ct);
        var attempts = await db.CallAttempts.CountAsync(a => ids.Contains(a.CampaignId), ct);
        var notCalled = await db.Contacts
            .Where(c => ids.Contains(c.CampaignId)
                && !db.CallAttempts.Any(a => a.ContactId == c.Id && a.State != AttemptState.Skipped))
            .GroupBy(c => new { c.Status, c.LastOutcome })
            .Select(g => new { g.Key.Status, g.Key.LastOutcome, Count = g.Count() })
            .ToListAsync(ct);
        // set aside for good with a reason (do-not-call, no consent, no common hours) is explained; waiting is not
        var unexplained = notCalled.Where(g => g.Status is ContactStatus.Pending or ContactStatus.Dialing
            || g.LastOutcome is null && g.Status == ContactStatus.Done).Sum(g => g.Count);
        return new Report(atOnce, byBoth, overPersonCap, overCampaignCap, most, unfinished, attempts, unexplained,
            [.. notCalled.Select(g => $"{g.Status} {g.LastOutcome ?? "-"}: {g.Count}")]);
    }

    static async Task<int> CountAsync(DialerDb db, string sql, Guid[] campaigns, CancellationToken ct,
        params NpgsqlParameter[] more)
    {
        var query = $"SELECT ({sql}) AS \"Value\""; // this file's SQL; the values go as parameters
        return (await db.Database.SqlQueryRaw<int>(query, [new NpgsqlParameter("campaigns", campaigns), .. more])
            .ToListAsync(ct)).Single();
    }
}
