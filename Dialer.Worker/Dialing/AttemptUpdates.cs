using Dialer.Contracts;
using Dialer.Core.Campaigns;
using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Dialer.Core.Dialing;
using Dialer.Core.Compliance;
using Dialer.Core.Telemetry;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Worker.Dialing;

/// <summary>
/// The one way an attempt changes after its claim: under its row lock, so a create's answer and its
/// callbacks, arriving together in any order, apply one at a time; its contact's next attempt is set
/// when it ends; and the change goes out as an event after the commit.
/// </summary>
public sealed class AttemptUpdates(DialerDb db, IPublishEndpoint bus, TimeProvider clock, ILogger<AttemptUpdates> log, DialerMetrics metrics)
{
    /// <returns>the attempt after the change, or null when it does not exist</returns>
    public async Task<CallAttempt?> ApplyAsync(Guid attemptId, Func<CallAttempt, bool> change, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var attempt = await db.CallAttempts.FromSql($"SELECT * FROM call_attempts WHERE id = {attemptId} FOR UPDATE").SingleOrDefaultAsync(ct);
        if (attempt is null) return null;

        var before = (attempt.State, attempt.AnsweredAt);
        if (!change(attempt))
        {
            await tx.RollbackAsync(ct);
            return attempt;
        }
        if (!before.State.IsFinal() && attempt.IsFinal) await RecordOnContactAsync(attempt, now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        log.LogInformation("Attempt {AttemptId} of campaign {CampaignId}: {From} -> {To} (call {CallSid})",
            attempt.Id, attempt.CampaignId, before.State, attempt.State, attempt.CallSid);
        Count(attempt, before.State, before.AnsweredAt);
        await PublishAsync(attempt, before.State, before.AnsweredAt, now, ct);
        return attempt;
    }

    async Task RecordOnContactAsync(CallAttempt attempt, DateTimeOffset now, CancellationToken ct)
    {
        var contact = await db.Contacts.FromSql($"SELECT * FROM contacts WHERE id = {attempt.ContactId} FOR UPDATE").SingleAsync(ct);
        var settings = await db.Campaigns.Where(c => c.Id == attempt.CampaignId).Select(c => c.Settings).SingleAsync(ct);
        var sameBefore = await db.CallAttempts.CountAsync(a => a.ContactId == contact.Id && a.Id != attempt.Id && a.Outcome == attempt.Outcome, ct);
        contact.Record(attempt, settings, sameBefore, now);
    }

    async Task PublishAsync(CallAttempt a, AttemptState before, DateTimeOffset? answeredBefore, DateTimeOffset now, CancellationToken ct)
    {
        if (a.AnsweredAt is not null && answeredBefore is null)
            await bus.Publish(new CallAnswered(a.Id, a.CampaignId, a.AnsweredBy, a.AnsweredAt.Value), ct);
        if (a.IsFinal)
            await bus.Publish(new CallCompleted(a.Id, a.CampaignId, a.Outcome ?? "failed", a.AnsweredBy, a.DurationSeconds, a.EndedAt ?? now), ct);
        else if (a.State != before)
            await bus.Publish(new CallStatusChanged(a.Id, a.CampaignId, a.State.ToString(), now), ct);
    }

    void Count(CallAttempt a, AttemptState before, DateTimeOffset? answeredBefore)
    {
        if (before is AttemptState.Dialing or AttemptState.Unknown && a.CallSid is not null && a.State is not (AttemptState.Dialing or AttemptState.Unknown))
            metrics.Dialed();
        if (a.AnsweredAt is not null && answeredBefore is null) metrics.Answered(a.AnsweredBy);
        if (!before.IsFinal() && CallClasses.IsAbandoned(a)) metrics.Abandoned();
    }
}
