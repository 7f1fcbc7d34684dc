using System.Text.Json;
using Dialer.Contracts;
using Dialer.Core.Compliance;
using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Dialer.Core.OutboundWebhooks;

/// <summary>
/// Turns a change's events into deliveries, in the change's own transaction: one row per event and subscription that
/// asked for it, so a delivery exists if and only if its change committed, and exactly once. The events are the
/// change's published messages plus two read off the rows it saved: a contact reaching Done or Suppressed, and a new
/// do-not-call entry (which carries a phone number, so it never travels on RabbitMQ).
/// </summary>
static class WebhookFanOut
{
    internal sealed record Hook(string Type, Guid? CampaignId, long? ContactId, Guid? AttemptId, string? OrderKey,
        DateTimeOffset At, object Data);

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    internal static IEnumerable<Hook> FromMessages(IEnumerable<object> published) =>
        published.Select(FromMessage).OfType<Hook>();

    /// <summary>As each save starts: what the change tracker says changed is gone after it.</summary>
    internal static List<Hook> FromSavedRows(DialerDb db, DateTimeOffset now)
    {
        var hooks = new List<Hook>();
        foreach (var entry in db.ChangeTracker.Entries<Contact>())
        {
            if (entry.State != EntityState.Modified) continue;
            var before = entry.Property(c => c.Status).OriginalValue;
            var c = entry.Entity;
            if (IsFinal(before) || !IsFinal(c.Status)) continue;
            hooks.Add(new Hook(WebhookEvents.ContactDone, c.CampaignId, c.Id, null, null, now, new
            {
                status = c.Status == ContactStatus.Done ? "done" : "suppressed", c.LastOutcome, c.Disposition,
                c.Attempts,
            }));
        }
        foreach (var entry in db.ChangeTracker.Entries<DoNotCallEntry>())
            if (entry.State == EntityState.Added && entry.Entity is var d)
                hooks.Add(new Hook(WebhookEvents.DoNotCallAdded, d.CampaignId, null, null, "do-not-call", d.AddedAt,
                    new { phone = d.Phone, d.Source, d.Reason }));
        return hooks;
    }

    static bool IsFinal(ContactStatus s) => s is ContactStatus.Done or ContactStatus.Suppressed;

    static Hook? FromMessage(object message) => message switch
    {
        CallAnswered m => new(WebhookEvents.CallAnswered, m.CampaignId, null, m.AttemptId, null, m.At,
            new { m.AnsweredBy }),
        CallCompleted m => new(WebhookEvents.CallEnded, m.CampaignId, null, m.AttemptId, null, m.At,
            new { m.Outcome, m.AnsweredBy, m.DurationSeconds }),
        CallDispositioned m => new(WebhookEvents.DispositionSet, m.CampaignId, null, m.AttemptId, null, m.At,
            new { m.AgentId, m.Disposition, m.Converted }),
        CampaignStateChanged m => new(WebhookEvents.CampaignStateChanged, m.CampaignId, null, null,
            $"campaign:{m.CampaignId}", m.At, new { m.Status, m.Reason }),
        _ => null,
    };

    /// <summary>After the save, before the commit (the attempts named are visible).</summary>
    /// <returns>how many deliveries were written</returns>
    internal static async Task<int> WriteAsync(DialerDb db, List<Hook> hooks, DateTimeOffset now, CancellationToken ct)
    {
        if (hooks.Count == 0) return 0;
        // one statement for the whole change; ORDER BY gives the ids (and so the sending order) the events' order
        return await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO webhook_deliveries
                (subscription_id, event_id, event, order_key, body, created_at, state, attempts, next_attempt_at)
            SELECT s.id, e.event_id, e.type,
                   COALESCE(e.order_key, 'contact:' || COALESCE(e.contact_id, a.contact_id)::text),
                   jsonb_build_object('id', e.event_id, 'type', e.type, 'occurredAt', e.at,
                       'campaignId', e.campaign_id, 'contactId', COALESCE(e.contact_id, a.contact_id),
                       'attemptId', e.attempt_id, 'data', e.data::jsonb)::text,
                   @now, 'Pending', 0, @now
            FROM unnest(@ord, @event_ids, @types, @campaigns, @contacts, @attempts, @keys, @ats, @datas)
                AS e(ord, event_id, type, campaign_id, contact_id, attempt_id, order_key, at, data)
            LEFT JOIN call_attempts a ON a.id = e.attempt_id
            LEFT JOIN campaigns c ON c.id = e.campaign_id
            JOIN webhook_subscriptions s
              ON e.type = ANY(s.events)
             AND (s.campaign_id = e.campaign_id
                  -- a team-wide subscription: its team's campaigns, and what belongs to no campaign (the global list)
                  OR (s.campaign_id IS NULL AND (e.campaign_id IS NULL OR s.team_id = c.team_id)))
            ORDER BY e.ord, s.id
            """,
            [
                new NpgsqlParameter("now", now),
                Array("ord", NpgsqlDbType.Integer, hooks.Select((_, i) => i).ToArray()),
                Array("event_ids", NpgsqlDbType.Uuid, hooks.Select(h => Guid.CreateVersion7(h.At)).ToArray()),
                Array("types", NpgsqlDbType.Text, hooks.Select(h => h.Type).ToArray()),
                Array("campaigns", NpgsqlDbType.Uuid, hooks.Select(h => h.CampaignId).ToArray()),
                Array("contacts", NpgsqlDbType.Bigint, hooks.Select(h => h.ContactId).ToArray()),
                Array("attempts", NpgsqlDbType.Uuid, hooks.Select(h => h.AttemptId).ToArray()),
                Array("keys", NpgsqlDbType.Text, hooks.Select(h => h.OrderKey).ToArray()),
                Array("ats", NpgsqlDbType.TimestampTz, hooks.Select(h => h.At.ToUniversalTime()).ToArray()),
                Array("datas", NpgsqlDbType.Text, hooks.Select(h => JsonSerializer.Serialize(h.Data, Json)).ToArray()),
            ], ct);
    }

    static NpgsqlParameter Array(string name, NpgsqlDbType type, object values) =>
        new(name, NpgsqlDbType.Array | type) { Value = values };
}
