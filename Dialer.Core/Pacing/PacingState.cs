using Dialer.Core.Campaigns;
using Dialer.Core.Data;
using Dialer.Core.Pacing.Predictive;

namespace Dialer.Core.Pacing;

/// <summary>
/// What the pacer of a running campaign last saw and decided, written each tick by the node that paces
/// it, so the Api (GET /api/campaigns/{id}/pacing) and dashboards can show it from any process.
/// </summary>
public sealed class PacingState
{
    public Guid CampaignId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DialingMode Mode { get; set; }
    public string Node { get; set; } = "";
    public int Agents { get; set; }
    public int IdleAgents { get; set; }
    public int LinesInUse { get; set; }
    public int LinesOpened { get; set; }
    public double LinesPerAgent { get; set; }
    /// <summary>Estimated share of dials a live person answers (predictive only).</summary>
    public double? LiveRate { get; set; }
    /// <summary>The predictive controller's abandon budget left, in people, and its risk threshold.</summary>
    public double? AbandonBudgetLeft { get; set; }
    public double? RiskThreshold { get; set; }
    public bool? Learned { get; set; }
    public int LiveAnswersInWindow { get; set; }
    public int DroppedInWindow { get; set; }

    public static async Task SaveAsync(DialerDb db, Campaign campaign, PacingSnapshot snapshot, IPacer pacer,
        int opened, DateTimeOffset now, CancellationToken ct)
    {
        var state = await db.PacingStates.FindAsync([campaign.Id], ct);
        if (state is null) db.PacingStates.Add(state = new PacingState { CampaignId = campaign.Id });
        state.UpdatedAt = now;
        state.Mode = campaign.Settings.Mode;
        state.Node = Environment.MachineName + ":" + Environment.ProcessId;
        state.Agents = snapshot.Agents.Count;
        state.IdleAgents = snapshot.IdleAgents;
        state.LinesInUse = snapshot.LinesInUse;
        state.LinesOpened = opened;
        state.LinesPerAgent = snapshot.Agents.Count == 0 ? 0
            : Math.Round((double)(snapshot.LinesInUse + opened) / snapshot.Agents.Count, 2);
        state.LiveAnswersInWindow = snapshot.Budget.Connected + snapshot.Budget.Dropped;
        state.DroppedInWindow = snapshot.Budget.Dropped;
        if (pacer is PredictivePacer predictive)
        {
            state.LiveRate = Math.Round(predictive.Estimates.LiveRate, 4);
            state.AbandonBudgetLeft = Math.Round(predictive.Controller.BudgetLeft, 2);
            state.RiskThreshold = Math.Round(predictive.Controller.Threshold, 4);
            state.Learned = predictive.Estimates.HasHistory;
        }
        await db.SaveChangesAsync(ct);
    }
}
