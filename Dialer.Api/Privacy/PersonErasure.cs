using System.Text.Json;
using Dialer.Api.Supervision;
using Dialer.Core.Changes;
using Dialer.Core.Contacts;
using Dialer.Core.Dialing;
using Dialer.Core.OutboundWebhooks;
using Dialer.Core.Privacy;
using Dialer.ServiceDefaults.Twilio;
using Microsoft.EntityFrameworkCore;
using static Dialer.Api.Privacy.ErasuresApi;

namespace Dialer.Api.Privacy;

/// <summary>
/// Erases one number in one unit of work: every contact with it (any campaign, any team) through
/// <see cref="ContactAnonymisation"/>, the do-not-call deliveries that quote it, the transfers made to it; then the
/// erasure's own record. The do-not-call entries stay: they are what keeps the person from being called again.
/// </summary>
public sealed class PersonErasure(StateChanges changes, SupervisionTwilio twilio, ILogger<PersonErasure> log)
{
    public sealed record Outcome(bool Busy, ErasureResponse? Response);

    static readonly string HashSql = $"SELECT {PhoneHash.Sql("{0}")} AS \"Value\"";

    public async Task<Outcome> EraseAsync(string e164, string requestedBy, CancellationToken ct)
    {
        var outcome = await changes.RunAsync(async (unit, token) =>
        {
            var db = unit.Db;
            var hash = await db.Database.SqlQueryRaw<byte[]>(HashSql, e164).SingleAsync(token);
            // the person's contacts: dialed on the number, or holding it among their numbers (Contact.Numbers)
            var held = JsonSerializer.Serialize(new[] { new { phone = e164 } });
            // the lock order: attempts, then their contacts
            var states = await db.Database.SqlQuery<int>($"""
                SELECT a.state AS "Value" FROM call_attempts a JOIN contacts c ON c.id = a.contact_id
                 WHERE c.phone = {e164} OR c.numbers @> {held}::jsonb ORDER BY a.id FOR UPDATE OF a
                """).ToListAsync(token);
            var contacts = await db.Contacts.FromSql($"""
                    SELECT * FROM contacts WHERE phone = {e164} OR numbers @> {held}::jsonb ORDER BY id FOR UPDATE
                    """).AsNoTracking()
                .ToListAsync(token);
            if (contacts.Any(c => c.Status == ContactStatus.Dialing) || states.Any(s => !((AttemptState)s).IsFinal()))
            {
                unit.Discard();
                return new Outcome(true, null);
            }

            var client = twilio.Client();
            var gone = await ContactAnonymisation.RunAsync(unit, [.. contacts.Select(c => c.Id)],
                (recording, t) => TwilioRecordingDeletion.DeleteAsync(recording, client, log, t), token);
            var quoted = await db.Database.ExecuteSqlAsync($"""
                DELETE FROM webhook_deliveries WHERE event = {WebhookEvents.DoNotCallAdded}
                   AND body::jsonb -> 'data' ->> 'phone' = {e164}
                """, token);
            var transfers = await db.Database.ExecuteSqlAsync(
                $"UPDATE call_transfers SET to_number = NULL WHERE to_number = {e164}", token);
            var kept = await db.DoNotCall.CountAsync(d => d.Phone == e164, token);

            var erased = gone.Contacts + gone.Attempts + gone.Recordings + gone.RecordingsPending
                + gone.WebhookDeliveries + quoted + transfers + gone.Consents;
            if (erased == 0 && await db.Erasures.AsNoTracking().Where(e => e.PhoneHash == hash)
                    .OrderBy(e => e.RequestedAt).FirstOrDefaultAsync(token) is { } earlier)
            {
                unit.Discard();
                return new Outcome(false, Response(earlier, repeated: true, kept));
            }
            var record = new Erasure
            {
                Id = Guid.CreateVersion7(unit.Now), PhoneHash = hash, RequestedBy = requestedBy,
                RequestedAt = unit.Now, Contacts = gone.Contacts, Attempts = gone.Attempts,
                Recordings = gone.Recordings, RecordingsPending = gone.RecordingsPending,
                WebhookDeliveries = gone.WebhookDeliveries + quoted, Transfers = transfers, Consents = gone.Consents,
            };
            db.Erasures.Add(record);
            return new Outcome(false, Response(record, repeated: false, kept));
        }, ct);
        if (outcome.Response is { Repeated: false } r)
            log.LogWarning("Erasure {ErasureId} by user {UserId}: {Contacts} contacts, {Attempts} attempts, "
                + "{Recordings} recordings ({Pending} pending at Twilio), {Deliveries} webhook deliveries",
                r.Id, requestedBy, r.Contacts, r.Attempts, r.Recordings, r.RecordingsPending, r.WebhookDeliveries);
        return outcome;
    }

    static ErasureResponse Response(Erasure e, bool repeated, int kept) => new(e.Id, e.RequestedAt, e.RequestedBy,
        repeated, e.Contacts, e.Attempts, e.Recordings, e.RecordingsPending, e.WebhookDeliveries, e.Transfers, kept,
        e.Consents);
}
