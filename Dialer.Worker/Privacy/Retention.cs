using Dialer.Core.Campaigns;
using Dialer.Core.Changes;
using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Dialer.Core.Privacy;
using Dialer.ServiceDefaults.Twilio;
using Dialer.Worker.Dialing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dialer.Worker.Privacy;

/// <summary>
/// Anonymises contacts (and their calls) whose last call is older than <see cref="RetentionOptions"/> allows, in
/// batches taken FOR UPDATE SKIP LOCKED, through the erasure's own <see cref="ContactAnonymisation"/>. A campaign still
/// Running or Paused is never touched: its campaign row is held FOR SHARE while its batch runs, so it cannot be
/// started meanwhile either.
/// </summary>
public sealed class Retention(DialerDb db, StateChanges changes, TwilioClients clients,
    IOptions<RetentionOptions> options, ILogger<Retention> log)
{
    /// <summary>How many contacts this sweep anonymised.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var o = options.Value;
        if (!o.Enabled) return 0;
        var total = 0;
        for (var batch = 0; batch < o.MaxBatchesPerSweep; batch++)
        {
            var (taken, done) = await BatchAsync(o, ct);
            total += done.Contacts;
            if (taken < o.BatchSize) break;
        }
        if (total > 0) log.LogInformation("Retention anonymised {Count} contacts", total);
        return total;
    }

    async Task<(int Taken, Anonymised Done)> BatchAsync(RetentionOptions o, CancellationToken ct)
    {
        var (taken, done) = await changes.RunAsync(async (unit, token) =>
        {
            var before = unit.Now - TimeSpan.FromDays(o.ContactsOlderThanDays);
            var ids = await unit.Db.Database.SqlQuery<long>($"""
                SELECT c.id AS "Value" FROM contacts c JOIN campaigns k ON k.id = c.campaign_id
                 WHERE c.anonymised_at IS NULL AND c.status <> {nameof(ContactStatus.Dialing)}
                   AND coalesce(c.last_attempt_at, c.created_at) < {before}
                   AND k.status NOT IN ({nameof(CampaignStatus.Running)}, {nameof(CampaignStatus.Paused)})
                 ORDER BY c.id LIMIT {o.BatchSize}
                   FOR UPDATE OF c SKIP LOCKED FOR SHARE OF k
                """).ToListAsync(token);
            var twilio = clients.Create();
            var done = await ContactAnonymisation.RunAsync(unit, ids,
                (recording, t) => TwilioRecordingDeletion.DeleteAsync(recording, twilio, log, t), token);
            return (ids.Count, done);
        }, ct);
        db.ChangeTracker.Clear();
        return (taken, done);
    }
}
