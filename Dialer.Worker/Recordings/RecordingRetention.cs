using Dialer.Core.Changes;
using Dialer.Core.Data;
using Dialer.ServiceDefaults.Twilio;
using Dialer.Worker.Dialing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dialer.Worker.Recordings;

/// <summary>
/// Recordings whose time is up are deleted at Twilio, then marked Deleted. Rows are taken FOR UPDATE SKIP LOCKED, so
/// two Workers sweeping at once share the work instead of doing it twice; a recording Twilio no longer has (404)
/// counts as deleted; one Twilio refuses stays for the next sweep.
/// </summary>
public sealed class RecordingRetention(DialerDb db, StateChanges changes, TwilioClients clients,
    IOptions<RecordingRetentionOptions> options, TimeProvider clock, ILogger<RecordingRetention> log)
{
    /// <summary>How many recordings this sweep deleted.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var o = options.Value;
        var deleted = 0;
        for (var batch = 0; batch < o.MaxBatchesPerSweep; batch++)
        {
            var (due, done) = await SweepBatchAsync(o.BatchSize, ct);
            deleted += done;
            // a short batch was the last; one where Twilio refused everything would only be refused again now
            if (due < o.BatchSize || done == 0) break;
        }
        if (deleted > 0) log.LogInformation("Recording retention deleted {Count} recordings", deleted);
        return deleted;
    }

    /// <summary>
    /// Deleting at Twilio bears repeating (a gone recording counts as deleted), so the batch may run again.
    /// </summary>
    async Task<(int Due, int Deleted)> SweepBatchAsync(int size, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var result = await changes.RunAsync(async (unit, token) =>
        {
            var due = await unit.Db.CallRecordings.FromSql($"""
                SELECT * FROM call_recordings WHERE deleted_at IS NULL AND delete_after <= {now}
                 ORDER BY delete_after LIMIT {size} FOR UPDATE SKIP LOCKED
                """).ToListAsync(token);
            var twilio = clients.Create();
            var deleted = 0;
            foreach (var recording in due)
            {
                if (!await TwilioRecordingDeletion.DeleteAsync(recording, twilio, log, token)) continue;
                recording.Deleted(now);
                deleted++;
            }
            return (due.Count, deleted);
        }, ct);
        db.ChangeTracker.Clear();
        return result;
    }
}
