using System.Globalization;
using System.Text;
using Dialer.Core.Pacing.Simulation;

namespace Dialer.Bench.Pacing.Report;

/// <summary>A markdown table per scenario: one row per policy.</summary>
static class Table
{
    static readonly string[] Header =
    [
        "policy", "occupancy mean", "occupancy worst", "talk min/agent-h", "abandon mean", "abandon worst seed",
        "worst 60-min", "idle gap s", "contacts/agent-h", "dials/agent-h", "lines mean", "lines peak",
    ];

    public static string Render(ScenarioResult scenario)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"### {scenario.Name} ({scenario.Seeds} seeds × {scenario.Hours:0.##} h)");
        text.AppendLine();
        text.AppendLine("| " + string.Join(" | ", Header) + " |");
        text.AppendLine("|" + string.Concat(Enumerable.Repeat(" --- |", Header.Length)));
        foreach (var p in scenario.Policies) text.AppendLine("| " + string.Join(" | ", Row(p)) + " |");
        return text.ToString();
    }

    static IEnumerable<string> Row(PolicyResult p)
    {
        var s = p.Seeds;
        var occupancy = Spread.Of(s, r => r.Occupancy, higherIsBetter: true);
        var abandon = Spread.Of(s, r => r.AbandonRate, higherIsBetter: false);
        yield return p.Tuning is null ? p.Name : $"{p.Name} ({p.Tuning})";
        yield return Percent(occupancy.Mean);
        yield return Percent(occupancy.Worst);
        yield return Number(s.Average(r => r.TalkMinutesPerAgentHour));
        yield return Percent(abandon.Mean, 2);
        yield return Percent(abandon.Worst, 2);
        yield return Percent(s.Max(r => r.WorstHourAbandonRate));
        yield return Number(s.Average(r => r.IdleGapSeconds));
        yield return Number(s.Average(r => r.ContactsPerAgentHour));
        yield return Number(s.Average(r => r.DialsPerAgentHour));
        yield return Number(s.Average(r => r.LinesMean));
        yield return Number(s.Max(r => r.LinesPeak), 0);
    }

    static string Percent(double fraction, int decimals = 1) => (fraction * 100).ToString("F" + decimals, CultureInfo.InvariantCulture) + "%";
    static string Number(double value, int decimals = 1) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);
}
