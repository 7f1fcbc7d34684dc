using Dialer.Core.Campaigns;
using Dialer.Core.Data;
using Dialer.Core.Pacing;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Core.Compliance;

/// <param name="LiveAnswers">calls answered by a person (as far as the dialer could tell) in the window</param>
/// <param name="Abandoned">of those, the ones no agent reached within 2 s of the greeting</param>
/// <param name="AbandonsLeft">abandons the campaign can still afford now without going over its target, if no call connected meanwhile</param>
public sealed record AbandonFigures(
    DateTimeOffset WindowStart, DateTimeOffset WindowEnd, int LiveAnswers, int Abandoned, int Connected, int MachineVerdicts,
    double Rate, double Target, int AbandonsLeft);

/// <summary>A campaign's abandon rate over its rolling window (30 days, or its life when shorter), and what is left to spend.</summary>
public static class AbandonLedger
{
    public static DateTimeOffset WindowStart(CampaignSettings settings, DateTimeOffset? campaignStart, DateTimeOffset now)
    {
        var rolling = now.AddHours(-settings.AbandonWindowHours);
        return campaignStart is { } start && start > rolling ? start : rolling;
    }

    public static double Rate(int liveAnswers, int abandoned) => liveAnswers == 0 ? 0 : (double)abandoned / liveAnswers;

    /// <summary>
    /// The largest k with (abandoned + k) / (live + k) ≤ target: each further abandon is also a live answer,
    /// so it raises the denominator too.
    /// </summary>
    public static int AbandonsLeft(int liveAnswers, int abandoned, double target)
    {
        if (target >= 1) return int.MaxValue;
        var k = Math.Floor((target * liveAnswers - abandoned) / (1 - target) + 1e-9);
        return k <= 0 ? 0 : (int)Math.Min(k, int.MaxValue);
    }

    public static AbandonFigures Figures(DateTimeOffset from, DateTimeOffset to, int live, int abandoned, int connected, int machines, double target) =>
        new(from, to, live, abandoned, connected, machines, Rate(live, abandoned), target, AbandonsLeft(live, abandoned, target));

    public static async Task<AbandonFigures> ForAsync(DialerDb db, Campaign campaign, DateTimeOffset now, CancellationToken ct)
    {
        var from = WindowStart(campaign.Settings, campaign.StartedAt ?? campaign.CreatedAt, now);
        var row = await db.Database.SqlQueryRaw<LedgerRow>(LedgerSql, campaign.Id, from, now).SingleAsync(ct);
        return Figures(from, now, row.Live, row.Abandoned, row.Connected, row.Machines, campaign.Settings.AbandonTarget);
    }

    public static AbandonBudget ToBudget(this AbandonFigures f) => new(f.Connected, f.Abandoned, f.MachineVerdicts);

    /// <summary>The same call classes as the reports and the dashboard (<see cref="CallClasses"/>), so the three agree.</summary>
    const string LedgerSql = $$"""
        SELECT count(*) FILTER (WHERE {{CallClasses.LiveAnswerSql}})::int AS live,
               count(*) FILTER (WHERE {{CallClasses.AbandonedSql}})::int AS abandoned,
               count(*) FILTER (WHERE {{CallClasses.LiveAnswerSql}} AND NOT a.abandoned AND {{CallClasses.ConnectedSql}})::int AS connected,
               count(*) FILTER (WHERE NOT {{CallClasses.LiveAnswerSql}} AND ({{CallClasses.MachineSql}}))::int AS machines
          FROM call_attempts a
         WHERE a.campaign_id = {0} AND a.answered_at >= {1} AND a.answered_at <= {2}
        """;

    sealed record LedgerRow(int Live, int Abandoned, int Connected, int Machines);
}
