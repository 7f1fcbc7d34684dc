namespace Dialer.Core.Pacing.Simulation;

/// <summary>One seed's figures, as MODEL.md's "Measures" defines them (rates as fractions).</summary>
public sealed record SeedResult(
    double Occupancy,
    double TalkMinutesPerAgentHour,
    double AbandonRate,
    double WorstHourAbandonRate,
    double IdleGapSeconds,
    double ContactsPerAgentHour,
    double DialsPerAgentHour,
    double LinesMean,
    double LinesPeak,
    int HumansAnswered,
    int Abandoned);
