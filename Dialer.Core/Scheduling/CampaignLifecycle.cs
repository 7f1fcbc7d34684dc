using Dialer.Contracts;
using Dialer.Core.Campaigns;
using Dialer.Core.Changes;

namespace Dialer.Core.Scheduling;

/// <summary>
/// Every change of a campaign's status goes through here, asked for through the Api or brought by the schedule: under
/// the campaign's row lock, written in its history and announced on RabbitMQ in the same transaction, then its Quartz
/// triggers brought in line.
/// </summary>
public sealed class CampaignLifecycle(StateChanges changes, CampaignHistory history, CampaignScheduler scheduler)
{
    /// <summary>What a change returns: no campaign (both null), a refusal (nothing saved), or done.</summary>
    public sealed record Outcome(Campaign? Campaign, Refusal? Refusal)
    {
        public bool Done => Campaign is not null && Refusal is null;
    }

    /// <summary>For a scheduled change that finds nothing to do (the campaign moved meanwhile).</summary>
    public static readonly Refusal NothingToDo = new("Nothing to change.");

    /// <param name="action">the history's word for it: started, paused, resumed, stopped</param>
    public Task<Outcome> RequestedAsync(Guid id, Func<Campaign, DateTimeOffset, Refusal?> transition, string action,
        CancellationToken ct) => ChangeAsync(id, transition, action, $"{action} through the API", note: null, ct);

    /// <param name="action">the history's word for it: started, stopped, completed</param>
    /// <param name="reason">why, in the event and the history: nobody asked</param>
    public Task<Outcome> ScheduledAsync(Guid id, Func<Campaign, DateTimeOffset, bool> transition, string action,
        string reason, CancellationToken ct) =>
        ChangeAsync(id, (c, now) => transition(c, now) ? null : NothingToDo, action, reason, reason, ct);

    async Task<Outcome> ChangeAsync(Guid id, Func<Campaign, DateTimeOffset, Refusal?> transition, string action,
        string reason, string? note, CancellationToken ct)
    {
        var outcome = await changes.RunAsync(async (change, token) =>
        {
            var campaign = await change.LockCampaignAsync(id, token);
            if (campaign is null) return new Outcome(null, null);
            var before = campaign.Status;
            if (transition(campaign, change.Now) is { } refusal)
            {
                change.Discard();
                return new Outcome(campaign, refusal);
            }
            history.Status(campaign, before, action, note);
            var status = campaign.Status.ToString().ToLowerInvariant();
            change.Publish(new CampaignStateChanged(campaign.Id, status, reason, change.Now));
            return new Outcome(campaign, null);
        }, ct);
        if (outcome.Done) await scheduler.ApplyAsync(outcome.Campaign!, ct);
        return outcome;
    }
}
