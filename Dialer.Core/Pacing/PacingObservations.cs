using Dialer.Core.Campaigns;
using Dialer.Core.Data;
using Dialer.Core.Dialing;
using Dialer.Core.Figures;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Core.Pacing;

/// <summary>
/// Feeds a learning pacer what became known about the campaign's calls since it last looked, read from
/// the attempts: when lines went live or were classified as machines, which failed or were not answered,
/// and how long agents talked. Times are seconds since the campaign started, the pacer's own clock.
/// </summary>
public static class PacingObservations
{
    public static async Task FeedAsync(DialerDb db, Campaign campaign, IOutcomeObserver observer, DateTimeOffset since,
        DateTimeOffset until, CancellationToken ct)
    {
        var origin = campaign.StartedAt ?? since;
        double At(DateTimeOffset t) => (t - origin).TotalSeconds;

        var resolved = await db.CallAttempts.AsNoTracking()
            .Where(a => a.CampaignId == campaign.Id && a.DialedAt != null
                && ((a.AnsweredAt > since && a.AnsweredAt <= until)
                    || (a.AnsweredAt == null && a.EndedAt > since && a.EndedAt <= until)
                    || (a.BridgedAt != null && a.EndedAt > since && a.EndedAt <= until)))
            .Select(a => new { a.DialedAt, a.AnsweredAt, a.AnsweredBy, a.BridgedAt, a.EndedAt, a.State })
            .ToListAsync(ct);

        foreach (var a in resolved.OrderBy(a => a.AnsweredAt ?? a.EndedAt))
        {
            if (a.AnsweredAt is { } answered && answered > since && answered <= until)
            {
                var resolution = MachineVerdict.Is(a.AnsweredBy) ? DialResolution.MachineVerdict : DialResolution.Live;
                observer.Observe(new DialResolved(At(answered), resolution,
                    (answered - a.DialedAt!.Value).TotalSeconds));
            }
            else if (a.AnsweredAt is null && a.EndedAt is { } ended)
            {
                var resolution = a.State == AttemptState.NoAnswer ? DialResolution.NoAnswer : DialResolution.Failed;
                observer.Observe(new DialResolved(At(ended), resolution, (ended - a.DialedAt!.Value).TotalSeconds));
            }
            if (a.BridgedAt is { } bridged && a.EndedAt is { } end && end > since && end <= until)
                observer.Observe(new AgentWorkEnded(At(end), AgentActivity.Talking, (end - bridged).TotalSeconds));
        }

        // wrap-up: from the end of an agent's call to its disposition
        var wraps = await db.CallAttempts.AsNoTracking()
            .Where(a => a.CampaignId == campaign.Id && a.BridgedAt != null && a.EndedAt != null
                && a.DispositionedAt > since && a.DispositionedAt <= until)
            .Select(a => new { a.EndedAt, a.DispositionedAt }).ToListAsync(ct);
        foreach (var w in wraps.OrderBy(w => w.DispositionedAt))
            observer.Observe(new AgentWorkEnded(At(w.DispositionedAt!.Value), AgentActivity.WrapUp,
                Math.Max(0, (w.DispositionedAt.Value - w.EndedAt!.Value).TotalSeconds)));
    }
}
