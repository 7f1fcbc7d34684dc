using Dialer.Api.Campaigns;
using Dialer.Core.Campaigns;
using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Dialer.Core.Figures;
using Microsoft.EntityFrameworkCore;
using static Dialer.Api.Reporting.SqlRows;

namespace Dialer.Api.Dashboard;

/// <summary>
/// One campaign on the manager's dashboard, as pushed live and as the snapshot returns it. Every figure is the
/// catalogue's (<see cref="CallTotals"/>, <see cref="AbandonLedger"/>, <see cref="AgentFigures"/>): the abandon rate
/// and the abandons left are the ledger's over the campaign's rolling window; the counts are all-time.
/// </summary>
public sealed record CampaignFigures(
    Guid CampaignId, string Name, string Status,
    long ContactsTotal, long ContactsDone, long ContactsLeft,
    long Dials, long HumanAnswers, long MachineAnswers, long Connects,
    long Abandoned, double AbandonRate, double AbandonTarget, long AbandonBudgetLeft,
    long Conversions, double ConversionPerConnect, double ConversionPerDial,
    long LinesInFlight, long AgentsLoggedIn, long AgentsAvailable, long AgentsOnCall, long AgentsWrapUp,
    long AgentsOnBreak, double? LinesPerAgent, double? SecondsToExhaust, DateTimeOffset At, string? PauseReason,
    Guid TeamId)
{
    /// <summary>How far back the pace of finished contacts is measured for the time-to-exhaust estimate.</summary>
    static readonly TimeSpan RecentPace = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The figures of the given campaigns (all when null) of one team (every team's when null), running ones first.
    /// </summary>
    public static async Task<List<CampaignFigures>> ForAsync(DialerDb db, Guid[]? ids, Guid? team, DateTimeOffset now,
        CancellationToken ct)
    {
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => ids == null || ids.Contains(c.Id))
            .Where(c => team == null || c.TeamId == team)
            .OrderBy(c => c.Status == CampaignStatus.Running ? 0 : c.Status == CampaignStatus.Paused ? 1
                : c.Status == CampaignStatus.Scheduled ? 2 : 3)
            .ThenBy(c => c.Name).ThenBy(c => c.Id).Take(1000).ToListAsync(ct);
        var campaignIds = campaigns.Select(c => c.Id).ToArray();
        var calls = await CallTotals.ForAsync(db, campaignIds, ct);
        var ledgers = await AbandonLedger.ForAsync(db, campaigns, now, ct);
        var contacts = await ContactCountsQuery.ForAsync(db, campaignIds, ct);
        var recent = now - RecentPace;
        var doneRecently = await db.Contacts.Where(c => campaignIds.Contains(c.CampaignId)
            && c.Status == ContactStatus.Done
                && c.LastAttemptAt >= recent)
            .GroupBy(c => c.CampaignId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var agents = (await db.ListAsync<CampaignAgents>($"""
            SELECT c.id AS campaign_id, {AgentFigures.CountsSql}
              FROM unnest(@ids) AS c(id) JOIN agents g ON c.id = ANY(g.campaign_ids) GROUP BY c.id
            """, ct, P("ids", campaignIds))).ToDictionary(a => a.CampaignId, a => a.Counts);
        return campaigns.Select(c => Of(c, calls[c.Id], ledgers[c.Id], contacts[c.Id],
            doneRecently.GetValueOrDefault(c.Id), agents.GetValueOrDefault(c.Id) ?? AgentCounts.None, now)).ToList();
    }

    static CampaignFigures Of(Campaign c, CallTotals t, AbandonFigures ledger, ContactCounts k, long doneRecently,
        AgentCounts agents, DateTimeOffset now)
    {
        long left = k.Pending + k.Dialing;
        return new CampaignFigures(c.Id, c.Name, c.Status.ToString().ToLowerInvariant(),
            k.Total, k.Done + k.Suppressed, left,
            t.Dials, t.LiveAnswers, t.MachineAnswers, t.Connects,
            t.Abandoned, CallFigures.Ratio(ledger.Abandoned, ledger.LiveAnswers), ledger.Target, ledger.AbandonsLeft,
            t.Conversions, t.ConversionPerConnect, t.ConversionPerDial,
            t.InFlight, agents.LoggedIn, agents.Available, agents.OnCall, agents.WrapUp, agents.OnBreak,
            agents.LoggedIn > 0 ? Math.Round((double)t.InFlight / agents.LoggedIn, 2) : null,
            doneRecently > 0 && left > 0 ? Math.Round(left * RecentPace.TotalSeconds / doneRecently) : null, now,
            c.PauseReason, c.TeamId);
    }

    sealed record CampaignAgents(Guid CampaignId, long LoggedIn, long Available, long OnCall, long WrapUp, long OnBreak)
    {
        public AgentCounts Counts => new(LoggedIn, Available, OnCall, WrapUp, OnBreak);
    }
}
