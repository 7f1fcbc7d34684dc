namespace Dialer.Core.Pacing.Predictive;

/// <summary>
/// Opens a line while the chance that its answer finds no agent within the hold time stays under the
/// threshold the <see cref="AbandonController"/> sets. Never fewer lines than progressive dialing (those
/// cannot strand anyone), progressive only until the estimates have history and while the abandon budget
/// is spent; never past the line ceiling or trunk cap.
/// </summary>
public sealed class PredictivePacer(PacingEstimates estimates, AbandonController controller) : IPacer, IOutcomeObserver
{
    const double TableLifetimeSeconds = 60, EarlyTableLifetimeSeconds = 15;

    /// <summary>
    /// Progressive for the campaign's first minute whatever the estimates say: the first outcomes to come back are the
    /// quick ones (busy, failed), the answers come later, so early estimates understate how many dials turn live and
    /// a pacer that trusted them would open a burst of lines whose answers find no agent.
    /// </summary>
    public const double StartupSeconds = 60;
    readonly DropAttribution drops = new();
    readonly RecentHourGuard hour = new();
    int lastConnected = -1;
    RiskTables? tables;
    int tablesBuilt;

    public PredictivePacer() : this(new PacingEstimates(), new AbandonController()) { }

    public PacingEstimates Estimates => estimates;
    public AbandonController Controller => controller;

    /// <summary>People the model expected to drop from the extra lines it opened.</summary>
    public double ExpectedDrops { get; private set; }

    /// <summary>Which of the ledger's drops were people, estimated from when each call turned live.</summary>
    public DropAttribution Drops => drops;

    /// <summary>The last hour's estimated answers and abandons, and the back-off they call for.</summary>
    public RecentHourGuard Hour => hour;

    public void Observe(PacingObservation observation)
    {
        estimates.Observe(observation);
        drops.Observe(observation);
    }

    public int LinesToOpen(PacingSnapshot snapshot)
    {
        var progressive = ProgressivePacer.Uncovered(snapshot);
        var settings = snapshot.Settings;
        var droppedPeople = drops.Update(snapshot, estimates.PersonShareOfLive);
        var connected = lastConnected < 0 ? 0 : Math.Max(0, snapshot.Budget.Connected - lastConnected);
        lastConnected = snapshot.Budget.Connected;
        var amd = Math.Clamp(settings.AmdFalsePositiveRate, 0, 0.5);
        var hidden = (connected + droppedPeople) * amd / (1 - amd); // people AMD hung up on, unseen
        hour.Add(snapshot.Now, connected + droppedPeople + hidden, droppedPeople + hidden, drops.LastVariance + hidden);
        // while dialing progressively regardless, the answers must not raise the threshold: they carry no risk, and a
        // threshold wound up over a busy first minute would open a burst of lines the moment prediction starts
        var warmingUp = !estimates.HasHistory || snapshot.Now < StartupSeconds || snapshot.Agents.Count == 0;
        var limit = warmingUp ? 0 : hour.Limit(snapshot.Now, settings.AbandonTarget, snapshot.Agents.Count);
        var threshold = controller.Update(snapshot.Budget, settings, drops.PersonShare(estimates.PersonShareOfLive),
            limit: limit, now: snapshot.Now);
        if (threshold is not { } risk || warmingUp)
            return LineLimits.Clamp(snapshot, progressive);

        var model = new AbandonRisk(snapshot, TablesFor(snapshot));
        var room = LineLimits.MaxLines(snapshot) - snapshot.LinesInUse;
        var lines = 0;
        while (lines < room && model.ForNewDial(lines) is var p && p <= risk)
        {
            ExpectedDrops += p * estimates.LiveRate * estimates.PersonShareOfLive;
            lines++;
        }
        return LineLimits.Clamp(snapshot, Math.Max(lines, progressive));
    }

    RiskTables TablesFor(PacingSnapshot s)
    {
        var lifetime = tablesBuilt < 20 ? EarlyTableLifetimeSeconds : TableLifetimeSeconds;
        if (tables is null || s.Now - tables.BuiltAt >= lifetime || s.Now < tables.BuiltAt)
        {
            tables = new RiskTables(estimates, s.Settings, s.Now,
                t => drops.PersonOdds(t, estimates.PersonShareOfLive));
            tablesBuilt++;
        }
        return tables;
    }
}
