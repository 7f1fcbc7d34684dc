using Dialer.Core.Campaigns;
using Dialer.Core.Data;
using Dialer.Core.Pacing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dialer.Core.Figures;

/// <param name="LiveAnswers">calls answered by a person (as far as the dialer could tell) in the window</param>
/// <param name="Abandoned">of those, the ones no agent reached within 2 s of the greeting</param>
/// <param name="AbandonsLeft">abandons the campaign can still afford now without going over its target, if no call
/// connected meanwhile</param>
public sealed record AbandonFigures(
    DateTimeOffset WindowStart, DateTimeOffset WindowEnd, long LiveAnswers, long Abandoned, long Connected,
    long MachineVerdicts, double Rate, double Target, long AbandonsLeft)
{
    public bool WithinTarget => Rate <= Target;
}

/// <summary>
/// A campaign's abandon rate over its rolling window (30 days, or its life when shorter), and what is left to spend:
/// the figures the pacer paces by, and the only ones the dashboard, the compliance report and the demo show.
/// </summary>
public static class AbandonLedger
{
    public static DateTimeOffset WindowStart(
        CampaignSettings settings, DateTimeOffset? campaignStart, DateTimeOffset now)
    {
        var rolling = now.AddHours(-settings.AbandonWindowHours);
        return campaignStart is { } start && start > rolling ? start : rolling;
    }

    public static DateTimeOffset WindowStart(Campaign campaign, DateTimeOffset now) =>
        WindowStart(campaign.Settings, campaign.StartedAt ?? campaign.CreatedAt, now);

    /// <summary>Abandoned over live answers (the FTC's rule); 0 before anyone answered.</summary>
    public static double Rate(long liveAnswers, long abandoned) =>
        liveAnswers == 0 ? 0 : (double)abandoned / liveAnswers;

    /// <summary>
    /// The largest k with (abandoned + k) / (live + k) ≤ target: each further abandon is also a live answer,
    /// so it raises the denominator too. Never negative: past the target nothing is left.
    /// </summary>
    public static long AbandonsLeft(long liveAnswers, long abandoned, double target)
    {
        if (target >= 1) return int.MaxValue;
        var k = Math.Floor((target * liveAnswers - abandoned) / (1 - target) + 1e-9);
        return k <= 0 ? 0 : (long)Math.Min(k, int.MaxValue);
    }

    public static AbandonFigures Figures(DateTimeOffset from, DateTimeOffset to, long live, long abandoned,
        long connected, long machines, double target) =>
        new(from, to, live, abandoned, connected, machines, Rate(live, abandoned), target,
            AbandonsLeft(live, abandoned, target));

    public static async Task<AbandonFigures> ForAsync(DialerDb db, Campaign campaign, DateTimeOffset now,
        CancellationToken ct) =>
        (await ForAsync(db, [campaign], now, ct))[campaign.Id];

    /// <summary>The ledger of each campaign, each over its own window ending now, in one query.</summary>
    public static async Task<Dictionary<Guid, AbandonFigures>> ForAsync(DialerDb db,
        IReadOnlyCollection<Campaign> campaigns, DateTimeOffset now, CancellationToken ct)
    {
        var starts = campaigns.ToDictionary(c => c.Id, c => WindowStart(c, now));
        var rows = (await db.Database.SqlQueryRaw<LedgerRow>(LedgerSql,
                new NpgsqlParameter("ids", starts.Keys.ToArray()),
                new NpgsqlParameter("froms", starts.Values.ToArray()), new NpgsqlParameter("now", now))
            .ToListAsync(ct)).ToDictionary(r => r.CampaignId);
        return campaigns.ToDictionary(c => c.Id, c => rows.GetValueOrDefault(c.Id) is { } r
            ? Figures(starts[c.Id], now, r.LiveAnswers, r.Abandoned, r.ConnectedInTime, r.MachineAnswers,
                c.Settings.AbandonTarget)
            : Figures(starts[c.Id], now, 0, 0, 0, 0, c.Settings.AbandonTarget));
    }

    /// <summary>
    /// The ledger over a period of the caller's choosing (the compliance report's), against the campaign's target.
    /// </summary>
    public static async Task<AbandonFigures> ForPeriodAsync(DialerDb db, Campaign campaign, DateTimeOffset from,
        DateTimeOffset to, CancellationToken ct)
    {
        var row = await db.Database.SqlQueryRaw<LedgerRow>(PeriodSql, new NpgsqlParameter("id", campaign.Id),
            new NpgsqlParameter("from", from), new NpgsqlParameter("to", to)).ToListAsync(ct);
        var r = row.SingleOrDefault() ?? new LedgerRow(campaign.Id, 0, 0, 0, 0);
        return Figures(from, to, r.LiveAnswers, r.Abandoned, r.ConnectedInTime, r.MachineAnswers,
            campaign.Settings.AbandonTarget);
    }

    public static AbandonBudget ToBudget(this AbandonFigures f) =>
        new((int)f.Connected, (int)f.Abandoned, (int)f.MachineVerdicts);

    static readonly string Counts = string.Join(", ", new[]
    {
        CallFigures.LiveAnswers, CallFigures.Abandoned, CallFigures.ConnectedInTime, CallFigures.MachineAnswers,
    }.Select(f => f.CountSql));

    // the window's end is inclusive: a call answered at this very instant is in the ledger the pacer reads now
    static readonly string LedgerSql = $"""
        SELECT w.campaign_id, {Counts}
          FROM unnest(@ids, @froms) AS w(campaign_id, window_start)
          JOIN call_attempts a ON a.campaign_id = w.campaign_id AND a.answered_at >= w.window_start
            AND a.answered_at <= @now
         GROUP BY w.campaign_id
        """;

    static readonly string PeriodSql = $"""
        SELECT a.campaign_id, {Counts}
          FROM call_attempts a WHERE a.campaign_id = @id AND a.answered_at >= @from AND a.answered_at < @to
         GROUP BY a.campaign_id
        """;

    sealed record LedgerRow(Guid CampaignId, long LiveAnswers, long Abandoned, long ConnectedInTime,
        long MachineAnswers);
}
