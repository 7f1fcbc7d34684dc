using System.Text.Json;
using Dialer.Core.Pacing.Simulation;

namespace Dialer.Bench.Pacing.Report;

/// <summary>The benchmark as JSON, rates as fractions; the worst 60-minute window is the worst over seeds.</summary>
static class JsonReport
{
    public static string Render(IEnumerable<ScenarioResult> scenarios) => JsonSerializer.Serialize(new
    {
        scenarios = scenarios.Select(s => new
        {
            name = s.Name,
            seeds = s.Seeds,
            hours = s.Hours,
            policies = s.Policies.Select(Policy),
        }),
    }, new JsonSerializerOptions { WriteIndented = true });

    static object Policy(PolicyResult p)
    {
        var s = p.Seeds;
        var occupancy = Spread.Of(s, r => r.Occupancy, higherIsBetter: true);
        var abandon = Spread.Of(s, r => r.AbandonRate, higherIsBetter: false);
        return new
        {
            name = p.Name,
            tuning = p.Tuning,
            occupancy = new { mean = occupancy.Mean, worst = occupancy.Worst, best = occupancy.Best },
            abandon_rate = new { mean = abandon.Mean, worst = abandon.Worst, best = abandon.Best },
            worst_hour_abandon = s.Max(r => r.WorstHourAbandonRate),
            talk_min_per_agent_hour = s.Average(r => r.TalkMinutesPerAgentHour),
            idle_gap_s = s.Average(r => r.IdleGapSeconds),
            lines_peak = s.Max(r => r.LinesPeak),
            lines_mean = s.Average(r => r.LinesMean),
            contacts_per_agent_hour = s.Average(r => r.ContactsPerAgentHour),
            dials_per_agent_hour = s.Average(r => r.DialsPerAgentHour),
        };
    }
}
