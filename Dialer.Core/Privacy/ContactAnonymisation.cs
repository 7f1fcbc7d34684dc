using Dialer.Core.Changes;
using Dialer.Core.Compliance.Consents;
using Dialer.Core.Contacts;
using Dialer.Core.Recordings;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dialer.Core.Privacy;

/// <summary>What anonymising some contacts took away.</summary>
public sealed record Anonymised(int Contacts, int Attempts, int WebhookDeliveries, int Recordings,
    int RecordingsPending, int Consents = 0);

/// <summary>
/// The one way a contact's personal data goes, for an erasure and for retention alike: the contact keeps its row (its
/// attempts hang on it) with a placeholder number, no name, fields or places, Suppressed and never dialed again; its
/// attempts lose their notes, script answers and errors (Twilio's can quote the number) and keep the number's keyed
/// hash (an attempt on one of its earlier numbers has that number's already), so the abandon ledger and the
/// calls-per-person rules still count them; its outbound webhook deliveries are deleted; its recordings are deleted
/// at Twilio and marked, or left due for the recording retention sweep when Twilio refuses. Its consent records lose
/// the words agreed, the reference and the source, and keep what proves the consent and its withdrawal (kind, when
/// given, until when, recorded by whom, withdrawn when, how and by whom) with the number's keyed hash, so that a
/// withdrawal still binds the number.
/// </summary>
public static class ContactAnonymisation
{
    public const string Outcome = "erased";

    static readonly string AttemptsSql = $"""
        UPDATE call_attempts a SET phone_hash = coalesce(a.phone_hash, {PhoneHash.Sql("c.phone")}),
               disposition_notes = NULL, error = NULL, script_answers = NULL
          FROM contacts c
         WHERE c.id = a.contact_id AND c.id = ANY(@ids) AND c.anonymised_at IS NULL
        """;

    static readonly string ConsentsSql = $"""
        UPDATE contact_consents k SET phone_hash = {PhoneHash.Sql("c.phone")}, text = NULL, reference = NULL,
               source = CASE WHEN k.source = '{ContactConsent.NoneOnFile}' THEN k.source
                             ELSE '{ContactConsent.Erased}' END
          FROM contacts c
         WHERE c.id = k.contact_id AND c.id = ANY(@ids) AND c.anonymised_at IS NULL
        """;

    static readonly string ContactsSql = $"""
        UPDATE contacts SET phone = '~' || id::text, name = NULL, custom_fields = NULL, time_zones = ARRAY[]::text[],
               stated_jurisdiction = NULL, numbers = NULL, phone_kind = NULL,
               status = '{ContactStatus.Suppressed}', last_outcome = '{Outcome}',
               next_attempt_at = NULL, callback_at = NULL, held_by_agent_id = NULL, held_until = NULL,
               last_skip_reason = NULL, anonymised_at = @now
         WHERE id = ANY(@ids) AND anonymised_at IS NULL
        """;

    /// <summary>In the caller's unit of work, the contacts locked (or claimed) by it; again on the same contacts it
    /// changes nothing.</summary>
    /// <param name="deleteAudio">deletes one recording at Twilio; true when it is gone there</param>
    public static async Task<Anonymised> RunAsync(StateChange unit, IReadOnlyCollection<long> contactIds,
        Func<CallRecording, CancellationToken, Task<bool>> deleteAudio, CancellationToken ct)
    {
        if (contactIds.Count == 0) return new(0, 0, 0, 0, 0, 0);
        var db = unit.Db;
        var ids = new NpgsqlParameter("ids", contactIds.ToArray());
        var attempts = await db.Database.ExecuteSqlRawAsync(AttemptsSql, [ids], ct);
        var consents = await db.Database.ExecuteSqlRawAsync(ConsentsSql,
            [new NpgsqlParameter("ids", contactIds.ToArray())], ct);
        // every event about a contact, its calls' included, is ordered by the contact's key
        var deliveries = await db.Database.ExecuteSqlRawAsync("""
            DELETE FROM webhook_deliveries d
             WHERE d.subscription_id IN (SELECT id FROM webhook_subscriptions)
               AND d.order_key = ANY(@keys)
            """, [new NpgsqlParameter("keys", contactIds.Select(id => $"contact:{id}").ToArray())], ct);
        var contacts = await db.Database.ExecuteSqlRawAsync(ContactsSql,
            [new NpgsqlParameter("ids", contactIds.ToArray()), new NpgsqlParameter("now", unit.Now)], ct);

        var recordings = await db.CallRecordings.FromSql($"""
            SELECT r.* FROM call_recordings r JOIN call_attempts a ON a.id = r.attempt_id
             WHERE a.contact_id = ANY({contactIds.ToArray()}) AND r.deleted_at IS NULL
             ORDER BY r.id FOR UPDATE OF r
            """).ToListAsync(ct);
        var deleted = 0;
        foreach (var recording in recordings)
        {
            if (recording.DeleteAfter > unit.Now) recording.DeleteAfter = unit.Now;
            if (!await deleteAudio(recording, ct)) continue;
            recording.Deleted(unit.Now);
            deleted++;
        }
        await db.SaveChangesAsync(ct);
        return new(contacts, attempts, deliveries, deleted, recordings.Count - deleted, consents);
    }
}
