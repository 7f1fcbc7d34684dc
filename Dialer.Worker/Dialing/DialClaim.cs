using Dialer.Core.Compliance;
using Dialer.Core.Compliance.Consents;
using Dialer.Core.Compliance.Registries;
using Dialer.Core.Data;
using Dialer.Core.Dialing;
using Dialer.Core.Figures;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Worker.Dialing;

/// <summary>
/// The moment one create request leaves, after its turn in the calls-per-second limiter: the attempt is claimed then
/// (Created to Dialing; on a retry, its claim renewed) and stamped with that moment, and the permit is asked then,
/// not when the message arrived. The stamp is the claim: the reconciler takes a Dialing attempt only once its stamp
/// is older than its grace, longer than one request and the pause before a retry, so the two never both own one.
/// The first claim also records the caller ID the call shows (the callback line and the floor read it).
/// </summary>
public sealed class DialClaim(DialerDb db, TimeProvider clock, DialLead lead, Guid attemptId, string? callerId = null)
{
    DateTimeOffset? _stamp;

    /// <exception cref="DialWithdrawn">the attempt is not this dial's to send, or the permit refuses it now</exception>
    public async ValueTask LeavingAsync(CancellationToken ct)
    {
        var now = Microseconds(clock.GetUtcNow());
        var attempts = db.CallAttempts.Where(a => a.Id == attemptId);
        var claimed = _stamp is { } mine
            ? await attempts.Where(a => a.State == AttemptState.Dialing && a.DialedAt == mine)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.DialedAt, now), ct)
            : await attempts.Where(a => a.State == AttemptState.Created)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.State, AttemptState.Dialing)
                    .SetProperty(a => a.DialedAt, now).SetProperty(a => a.CallerId, a => callerId ?? a.CallerId), ct);
        if (claimed == 0) throw new DialWithdrawn(null, now);
        _stamp = now;

        var attempt = await db.CallAttempts.AsNoTracking().SingleAsync(a => a.Id == attemptId, ct);
        var contact = await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == attempt.ContactId, ct);
        var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == attempt.CampaignId, ct);
        var onList = await db.DoNotCall.AnyAsync(DoNotCallMatch.Binds(contact.Phone, campaign.Id), ct);
        var consents = await ConsentsHeld.ForAsync(db, contact.Id, now, ct);
        var registries = await RegistryListing.ForAsync(db, campaign.TeamId, contact.Phone, now, ct);
        if (DialPermit.BeforeDial(campaign, contact, onList, consents, now, lead, registries) is { } refusal)
            throw new DialWithdrawn(refusal, now);
    }

    /// <summary>PostgreSQL keeps microseconds: the stamp compared later must be the one it stored.</summary>
    static DateTimeOffset Microseconds(DateTimeOffset t) => t.AddTicks(-(t.Ticks % 10));
}

/// <summary>The request was not sent: the permit refused it (<see cref="Refusal"/>), or it was not its own.</summary>
public sealed class DialWithdrawn(string? refusal, DateTimeOffset at)
    : Exception(refusal is null ? "the attempt is not this dial's to send" : $"refused at the dial: {refusal}")
{
    public string? Refusal { get; } = refusal;
    public DateTimeOffset At { get; } = at;
}
