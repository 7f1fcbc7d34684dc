using Dialer.Core.Pacing;
using FsCheck.Xunit;

namespace Dialer.Tests.Pacing;

public class PacerPropertyTests
{
    // One seasoned predictive pacer per test instance: learning from past decisions must not break the bounds either.
    readonly IPacer[] pacers =
    [
        new PreviewPacer(), new ProgressivePacer(), new PowerPacer(2.5), new PowerPacer(7),
        new AgentlessPacer(), new Dialer.Core.Pacing.Predictive.PredictivePacer(), Snapshots.SeasonedPredictive(),
    ];

    [Property(MaxTest = 500)]
    public bool No_pacer_opens_negative_lines_or_passes_the_ceiling_or_trunk_cap(
        byte idle, byte talking, byte wrapping, byte ringing, byte waiting, byte trunk, byte ceilingTenths,
        ushort connected, byte dropped)
    {
        var settings = new PacingSettings
        {
            Mode = DialingMode.Predictive,
            LinesPerAgentCeiling = 1 + ceilingTenths % 40 / 10.0,
            TrunkCap = trunk % 3 == 0 ? null : trunk,
            AgentlessLineCap = trunk / 2,
        };
        var snapshot = Snapshots.With(idle % 60, talking % 60, wrapping % 60, ringing % 100, waiting % 10,
            new AbandonBudget(connected, dropped % 50, 0), settings, wrapElapsed: wrapping % 50);
        var limit = Math.Max(0, LineLimits.MaxLines(snapshot) - snapshot.LinesInUse);
        var agentlessLimit = Math.Max(0,
            Math.Min(settings.TrunkCap ?? int.MaxValue, settings.AgentlessLineCap) - snapshot.LinesInUse);
        return pacers.All(p =>
        {
            var lines = p.LinesToOpen(snapshot);
            return lines >= 0 && lines <= (p is AgentlessPacer ? agentlessLimit : limit);
        });
    }
}
