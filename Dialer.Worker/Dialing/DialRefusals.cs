using Dialer.Core.Contacts;
using Dialer.Core.Dialing;
using Dialer.Core.Scheduling;

namespace Dialer.Worker.Dialing;

/// <summary>
/// What Twilio's refusal of a create means for the attempt, its contact and its campaign (<see cref="TwilioRefusals"/>
/// judges whom it is about). The number's: the attempt fails, the contact's retry rules apply. The account's: the
/// campaign pauses with the reason, then the attempt is given back to its contact unspent, so that the claim cannot
/// take the contact again before the pause.
/// </summary>
public sealed class DialRefusals(AttemptUpdates updates, CampaignLifecycle lifecycle, ILogger<DialRefusals> log)
{
    public async Task SettleAsync(CallAttempt attempt, DialResult.Rejected rejected, DateTimeOffset at,
        CancellationToken ct)
    {
        var error = $"{rejected.Status}/{rejected.Code}: {PhoneRedaction.Redact(rejected.Message)}";
        if (rejected.Refusal == DialRefusal.BadNumber)
        {
            await updates.ApplyAsync(attempt.Id, a => a.End(AttemptState.Failed, "rejected", at, error), ct);
            return;
        }
        var reason = TwilioRefusals.PauseReason(rejected.Status, rejected.Code, rejected.Message);
        var paused = await lifecycle.ScheduledAsync(attempt.CampaignId, (c, now) => c.PauseFor(reason, now), "paused",
            reason, ct);
        if (paused.Done) log.LogError("Campaign {CampaignId} paused: {Reason}", attempt.CampaignId, reason);
        await updates.ApplyAsync(attempt.Id,
            a => a.End(AttemptState.Skipped, TwilioRefusals.AccountRefused, at, error), ct);
    }
}
