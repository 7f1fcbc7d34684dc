using Dialer.Api.Dashboard;
using Dialer.Core.Campaigns;
using Dialer.Core.Compliance;
using Dialer.Core.Data;
using static Dialer.Api.Reporting.SqlRows;

namespace Dialer.Api.Reporting;

/// <summary>A campaign's funnel, dials → live answers → connects → conversions, whole and broken down.</summary>
public sealed record CampaignResults(
    Guid CampaignId, string Name, CampaignResults.Funnel Totals,
    IReadOnlyList<CampaignResults.Funnel> ByLocalHour, IReadOnlyList<CampaignResults.Funnel> ByAgent,
    IReadOnlyList<CampaignResults.Funnel> ByTimeZone, CampaignResults.Cost? Costs)
{
    /// <param name="Key">the hour (0-23, the customer's local time in the contact's first zone), agent or zone; null for the totals</param>
    public sealed record Funnel(string? Key, long Dials, long Answers, long HumanAnswers, long MachineAnswers, long Connects,
        long Abandoned, long Conversions, double ConversionPerConnect, double ConversionPerDial, double ConnectPerDial);

    /// <param name="BilledMinutes">Twilio bills each call by the started minute, so each call's seconds are rounded up</param>
    public sealed record Cost(decimal CostPerMinute, long BilledMinutes, decimal Total, decimal? PerConversion);

    const string LocalHour = "lpad(extract(hour from coalesce(a.dialed_at, a.created_at) AT TIME ZONE c.time_zones[1])::int::text, 2, '0')";
    const string Zone = "c.time_zones[1]";
    const string AgentName = "coalesce(g.name, a.agent_id::text)";

    public static async Task<CampaignResults> ForAsync(DialerDb db, Campaign campaign, CancellationToken ct)
    {
        var settings = campaign.Settings;
        var totals = (await FunnelAsync(db, campaign, null, ct)).Single();
        var byHour = await FunnelAsync(db, campaign, LocalHour, ct);
        var byAgent = await FunnelAsync(db, campaign, AgentName, ct, "a.agent_id IS NOT NULL");
        var byZone = await FunnelAsync(db, campaign, Zone, ct);

        Cost? cost = null;
        if (settings.CostPerMinute is { } perMinute)
        {
            var minutes = (await db.ListAsync("""
                SELECT coalesce(sum(ceil(a.duration_seconds / 60.0)), 0) FROM call_attempts a
                 WHERE a.campaign_id = @id AND a.duration_seconds > 0
                """, r => r.Long(0), ct, P("id", campaign.Id))).Single();
            var total = minutes * perMinute;
            cost = new Cost(perMinute, minutes, total, totals.Conversions > 0 ? Math.Round(total / totals.Conversions, 4) : null);
        }
        return new CampaignResults(campaign.Id, campaign.Name, totals, byHour, byAgent, byZone, cost);
    }

    /// <summary>Only constant key expressions reach this SQL (the three above), never input.</summary>
    static Task<List<Funnel>> FunnelAsync(DialerDb db, Campaign campaign, string? key, CancellationToken ct, string filter = "true") =>
        db.ListAsync($"""
            SELECT {key ?? "NULL::text"} AS k,
                   count(*) FILTER (WHERE {CallClasses.DialedSql}),
                   count(*) FILTER (WHERE a.answered_at IS NOT NULL),
                   count(*) FILTER (WHERE {CallClasses.HumanSql}),
                   count(*) FILTER (WHERE {CallClasses.MachineSql}),
                   count(*) FILTER (WHERE {CallClasses.ConnectedSql}),
                   count(*) FILTER (WHERE {CallClasses.AbandonedSql}),
                   count(*) FILTER (WHERE a.disposition = ANY(@conv))
              FROM call_attempts a
              JOIN contacts c ON c.id = a.contact_id
              LEFT JOIN agents g ON g.id = a.agent_id
             WHERE a.campaign_id = @id AND ({filter})
             {(key is null ? "" : "GROUP BY 1 ORDER BY 1")}
            """, r =>
            {
                long dials = r.Long(1), connects = r.Long(5), conversions = r.Long(7);
                return new Funnel(r.Text(0), dials, r.Long(2), r.Long(3), r.Long(4), connects, r.Long(6), conversions,
                    CampaignFigures.Ratio(conversions, connects), CampaignFigures.Ratio(conversions, dials), CampaignFigures.Ratio(connects, dials));
            }, ct, P("id", campaign.Id), P("conv", campaign.Settings.ConversionDispositions));
}
