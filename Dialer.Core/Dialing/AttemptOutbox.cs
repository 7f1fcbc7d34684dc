using Dialer.Contracts;
using Dialer.Core.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Core.Dialing;

/// <summary>
/// The attempt row is the outbox: attempts are committed first, then their PlaceCall published, then marked
/// published. A crash in between leaves PublishedAt empty, and the sweeper publishes them again; the
/// consumer's claim on the attempt makes a second delivery harmless.
/// </summary>
public static class AttemptOutbox
{
    public static async Task PublishAsync(DialerDb db, IPublishEndpoint bus, IReadOnlyCollection<CallAttempt> attempts, TimeProvider clock, CancellationToken ct)
    {
        if (attempts.Count == 0) return;
        await bus.PublishBatch(attempts.Select(a => new PlaceCall(a.Id, a.CampaignId)), ct);
        var ids = attempts.Select(a => a.Id).ToList();
        var now = clock.GetUtcNow();
        await db.CallAttempts.Where(a => ids.Contains(a.Id)).ExecuteUpdateAsync(s => s.SetProperty(a => a.PublishedAt, now), ct);
    }
}
