using Dialer.Core.Campaigns;
using Dialer.Core.Data;
using Dialer.Core.Figures;
using Microsoft.EntityFrameworkCore;
using static Dialer.Api.Reporting.SqlRows;

namespace Dialer.Api.Reporting;

/// <summary>A campaign's funnel, dials → live answers → connects → conversions, whole and broken down.</summary>
public sealed record CampaignResults(
    Guid CampaignId, string Name, CampaignResults.Funnel Totals,
    IReadOnlyList<CampaignResults.Funnel> ByLocalHour, IReadOnlyList<CampaignResults.Funnel> ByAgent,
    IReadOnlyList<CampaignResults.Funnel> ByTimeZone, CampaignResults.Cost? Costs)
{
    /// <param name="Key">the hour (0-23, the customer's local time in the contact's first zone), agent or zone; null
    /// for the totals</param>
    /// <param name="HumanAnswers">live answers: the answers treated as a person, the abandon rate's denominator</param>
    public sealed record Funnel(string? Key, long Dials, long Answers, long HumanAnswers, long MachineAnswers,
        long Connects, long Abandoned, long Conversions, double ConversionPerConnect, double ConversionPerDial,
        double ConnectPerDial)
    {
        public static Funnel Of(CallTotals t) =>
            new(t.Key, t.Dials, t.Answered, t.LiveAnswers, t.MachineAnswers, t.Connects, t.Abandoned, t.Conversions,
            t.ConversionPerConnect, t.ConversionPerDial, t.ConnectPerDial);
    }

    /// <param name="BilledMinutes">Twilio bills each call by the started minute, so each call's seconds are rounded
    /// up</param>
    public sealed record Cost(decimal CostPerMinute, long BilledMinutes, decimal Total, decimal? PerConversion);

    const string LocalHour =
        "lpad(extract(hour from coalesce(a.dialed_at, a.created_at) AT TIME ZONE c.time_zones[1])::int::text, 2, '0')";
    const string Zone = "c.time_zones[1]";
    const string AgentName = "coalesce(g.name, a.agent_id::text)";

    public static async Task<CampaignResults> ForAsync(DialerDb db, Campaign campaign, CancellationToken ct)
    {
        var settings = campaign.Settings;
        var totals = Funnel.Of(await CallTotals.ForAsync(db, campaign.Id, ct));
        var byHour = await FunnelAsync(db, campaign, LocalHour, ct);
        var byAgent = await FunnelAsync(db, campaign, AgentName, ct, "a.agent_id IS NOT NULL");
        var byZone = await FunnelAsync(db, campaign, Zone, ct);

        Cost? cost = null;
        if (settings.CostPerMinute is { } perMinute)
        {
            var minutes = await db.Database.SqlQueryRaw<long>("""
                SELECT coalesce(sum(ceil(a.duration_seconds / 60.0)), 0)::bigint AS "Value" FROM call_attempts a
                 WHERE a.campaign_id = @id AND a.duration_seconds > 0
                """, P("id", campaign.Id)).SingleAsync(ct);
            var total = minutes * perMinute;
            cost = new Cost(perMinute, minutes, total, totals.Conversions > 0
                ? Math.Round(total / totals.Conversions, 4) : null);
        }
        return new CampaignResults(campaign.Id, campaign.Name, totals, byHour, byAgent, byZone, cost);
    }

    /// <summary>Only constant key expressions reach this SQL (the three above), never input.</summary>
    static async Task<List<Funnel>> FunnelAsync(DialerDb db, Campaign campaign, string key, CancellationToken ct,
        string filter = "true") =>
        [.. (await CallTotals.SlicesAsync(db, campaign.Id, ct, key, filter)).Select(Funnel.Of)];
}
