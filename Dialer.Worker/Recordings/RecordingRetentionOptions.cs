using System.ComponentModel.DataAnnotations;

namespace Dialer.Worker.Recordings;

public sealed class RecordingRetentionOptions
{
    public const string Section = "Recordings";
    /// <summary>
    /// How often recordings past their time are looked for (the first look one interval after the Worker starts).
    /// </summary>
    [Range(1, 1440)] public int SweepEveryMinutes { get; set; } = 15;
    /// <summary>
    /// Recordings deleted per transaction: each holds its rows' locks while Twilio is asked, so not too many.
    /// </summary>
    [Range(1, 1000)] public int BatchSize { get; set; } = 50;
    /// <summary>
    /// Batches per sweep at most: a backlog is worked off over a few sweeps, never in one endless run.
    /// </summary>
    [Range(1, 1000)] public int MaxBatchesPerSweep { get; set; } = 20;
}
