using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Dialer.Core.Lists;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Dialer.Api.Lists;

/// <summary>
/// What attaching, (de)activating and detaching a list does to the campaign's contacts, each one
/// statement inside the caller's transaction. The claim is untouched: it takes Pending contacts in order of kind and
/// due time, so an inactive list's contacts are Parked and a list's priority is its fresh contacts' due time
/// (<see cref="CampaignList.FreshDueAt"/>). A contact the claim holds (Dialing) is left to its call.
/// </summary>
public static class ListAttachment
{
    const string Pending = nameof(ContactStatus.Pending), Parked = nameof(ContactStatus.Parked),
        Suppressed = nameof(ContactStatus.Suppressed);

    /// <summary>The list's rows become the campaign's contacts; a number the campaign has already is left as it is,
    /// a number on a do-not-call list binding the campaign is suppressed.</summary>
    /// <returns>contacts added, and how many of them were suppressed</returns>
    /// <summary>The campaign's attachment of the list, locked for the caller's unit of work; null when not attached.
    /// </summary>
    public static Task<CampaignList?> LockAsync(DialerDb db, Guid campaignId, Guid listId, CancellationToken ct) =>
        db.CampaignLists.FromSql(
                $"SELECT * FROM campaign_lists WHERE campaign_id = {campaignId} AND list_id = {listId} FOR UPDATE")
            .FirstOrDefaultAsync(ct);

    public static async Task<(int Added, int Suppressed)> CopyRowsAsync(DialerDb db, CampaignList a,
        DateTimeOffset now, CancellationToken ct)
    {
        // a row of several numbers starts on the first in the campaign's numberOrder (Contact.Numbers)
        var sql = $"""
            WITH kinds AS (
              SELECT ARRAY(SELECT jsonb_array_elements_text(coalesce(settings->'numberOrder', '[]'))) AS kinds
              FROM campaigns WHERE id = @campaign),
            rows AS (
              SELECT r.id, r.list_id, coalesce(f.n->>'phone', r.phone) AS phone, r.name,
                     CASE WHEN f.n IS NULL THEN r.time_zones
                          ELSE ARRAY(SELECT jsonb_array_elements_text(f.n->'timeZones')) END AS time_zones,
                     r.stated_jurisdiction, r.custom_fields, coalesce(f.n->>'kind', r.phone_kind) AS phone_kind,
                     r.numbers
              FROM contact_list_rows r CROSS JOIN kinds k
              LEFT JOIN LATERAL (
                SELECT e.n FROM jsonb_array_elements(r.numbers) WITH ORDINALITY AS e(n, i)
                ORDER BY coalesce(array_position(k.kinds, e.n->>'kind'), 100), e.i LIMIT 1) f ON true
              WHERE r.list_id = @list),
            added AS (
              INSERT INTO contacts (campaign_id, list_id, phone, name, time_zones, stated_jurisdiction, custom_fields,
                phone_kind, numbers, status, attempts, next_attempt_at, created_at, priority)
              SELECT @campaign, r.list_id, r.phone, r.name, r.time_zones, r.stated_jurisdiction, r.custom_fields,
                     r.phone_kind, r.numbers,
                     CASE WHEN EXISTS (SELECT 1 FROM do_not_call d WHERE
                            {Core.Figures.DoNotCallMatch.BindsSql("d", "r.phone", "@campaign")}) THEN '{Suppressed}'
                          WHEN @active THEN '{Pending}' ELSE '{Parked}' END,
                     0, @due, @now, {(short)DialPriority.Fresh}
              FROM rows r
              ORDER BY r.id
              ON CONFLICT (campaign_id, phone) DO NOTHING
              RETURNING status)
            SELECT count(*)::int, (count(*) FILTER (WHERE status = '{Suppressed}'))::int FROM added
            """;
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var command = new NpgsqlCommand(sql, connection,
            (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
        // a command of its own does not take the context's timeout by itself (it would keep the connection's 30 s)
        if (db.Database.GetCommandTimeout() is { } timeout) command.CommandTimeout = timeout;
        command.Parameters.AddRange(Params(a, ("active", a.Active), ("due", CampaignList.FreshDueAt(a.Priority)),
            ("now", now)));
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt32(0), reader.GetInt32(1));
    }

    /// <summary>Waiting contacts of the list park (inactive) or become due again (active).</summary>
    public static Task<int> SetActiveAsync(DialerDb db, CampaignList a, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(
            $"UPDATE contacts SET status = @to WHERE campaign_id = @campaign AND list_id = @list AND status = @from",
            Params(a, ("to", a.Active ? Pending : Parked), ("from", a.Active ? Parked : Pending)), ct);

    /// <summary>
    /// Contacts never dialed (no attempt, nobody holding them) go; the others stay, with their history, and those
    /// still waiting park for good.
    /// </summary>
    /// <returns>contacts removed, and contacts kept</returns>
    public static async Task<(int Removed, int Kept)> RemoveAsync(DialerDb db, CampaignList a, CancellationToken ct)
    {
        var removed = await db.Database.ExecuteSqlRawAsync($"""
            DELETE FROM contacts c
            WHERE c.campaign_id = @campaign AND c.list_id = @list AND c.attempts = 0
              AND c.status IN ('{Pending}', '{Parked}', '{Suppressed}') AND c.held_by_agent_id IS NULL
              AND NOT EXISTS (SELECT 1 FROM call_attempts t WHERE t.contact_id = c.id)
            """, Params(a), ct);
        await db.Database.ExecuteSqlRawAsync(
            $"UPDATE contacts SET status = '{Parked}' WHERE campaign_id = @campaign AND list_id = @list "
            + $"AND status = '{Pending}'", Params(a), ct);
        var kept = await db.Contacts.CountAsync(c => c.CampaignId == a.CampaignId && c.ListId == a.ListId, ct);
        return (removed, kept);
    }

    static object[] Params(CampaignList a, params (string Name, object Value)[] more) =>
    [
        new NpgsqlParameter("campaign", a.CampaignId), new NpgsqlParameter("list", a.ListId),
        .. more.Select(m => new NpgsqlParameter(m.Name, m.Value)),
    ];
}
