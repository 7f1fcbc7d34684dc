using System.Text.Json;

namespace Dialer.Core.Pacing.Simulation;

/// <summary>
/// One benchmark world, as docs/pacing-model.md describes its scenario files (ops/bench/pacing/scenarios).
/// </summary>
public sealed record Scenario
{
    public string Name { get; init; } = "unnamed";
    public int Agents { get; init; } = 20;
    public double Hours { get; init; } = 8;
    public double WarmupS { get; init; } = 600;
    public int Seeds { get; init; } = 20;
    public double HumanRate { get; init; } = 0.15;
    /// <summary>
    /// [time_s, rate] points, linear between them and flat after the last; replaces <see cref="HumanRate"/>.
    /// </summary>
    public double[][]? HumanRateSchedule { get; init; }
    public double MachineRate { get; init; } = 0.2;
    public double FailRate { get; init; } = 0.1;
    public double NoAnswerTimeoutS { get; init; } = 26;
    public double HoldS { get; init; } = 3;
    public LognormalSpec TalkS { get; init; } = new(150, 1.0);
    public LognormalSpec WrapS { get; init; } = new(30, 0.5);
    public double MachineHandlingS { get; init; } = 10;
    public double MachineWrapS { get; init; } = 5;
    public AmdSpec? Amd { get; init; }
    public int? Trunks { get; init; }
    /// <summary>[time_s, count] points: the logged-in count from that time on.</summary>
    public double[][]? AgentSchedule { get; init; }

    static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static Scenario Parse(string json) =>
        JsonSerializer.Deserialize<Scenario>(json, Json) ?? throw new InvalidDataException("empty scenario");

    public static Scenario Load(string path) => Parse(File.ReadAllText(path));

    public double HumanRateAt(double t)
    {
        if (HumanRateSchedule is not { Length: > 0 } points) return HumanRate;
        if (t <= points[0][0]) return points[0][1];
        for (var i = 1; i < points.Length; i++)
            if (t < points[i][0])
            {
                var (t0, r0, t1, r1) = (points[i - 1][0], points[i - 1][1], points[i][0], points[i][1]);
                return r0 + (r1 - r0) * (t - t0) / (t1 - t0);
            }
        return points[^1][1];
    }

    /// <summary>The settings a campaign in this world would run with.</summary>
    public PacingSettings Settings(DialingMode mode) => new()
    {
        Mode = mode,
        HoldSeconds = HoldS,
        TrunkCap = Trunks,
        AmdFalsePositiveRate = Amd?.FalsePositive ?? 0,
    };
}

public sealed record LognormalSpec(double Mean, double Cv);

public sealed record AmdSpec(double[] HumanVerdictS, double FalsePositive, double[] MachineVerdictS,
    double FalseNegative);
