using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Dialer.Tests.Infrastructure;

/// <summary>
/// Every span's name, tags, events and status, and every metric measurement's tags, of this process while it
/// listens, each distinct text kept once. The listeners are process-wide: the caller tells which spans are its own.
/// </summary>
public sealed class TelemetryCapture : IDisposable
{
    readonly ActivityListener _spans;
    readonly MeterListener _metrics = new();
    readonly ConcurrentDictionary<string, byte> _texts = new();

    public TelemetryCapture(Func<Activity, bool> ours)
    {
        _spans = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { if (ours(a)) Keep(a); },
        };
        ActivitySource.AddActivityListener(_spans);
        _metrics.InstrumentPublished = (instrument, listener) => listener.EnableMeasurementEvents(instrument);
        _metrics.SetMeasurementEventCallback<long>((i, _, tags, _) => Keep(i, tags));
        _metrics.SetMeasurementEventCallback<int>((i, _, tags, _) => Keep(i, tags));
        _metrics.SetMeasurementEventCallback<double>((i, _, tags, _) => Keep(i, tags));
        _metrics.SetMeasurementEventCallback<float>((i, _, tags, _) => Keep(i, tags));
        _metrics.SetMeasurementEventCallback<decimal>((i, _, tags, _) => Keep(i, tags));
        _metrics.SetMeasurementEventCallback<short>((i, _, tags, _) => Keep(i, tags));
        _metrics.SetMeasurementEventCallback<byte>((i, _, tags, _) => Keep(i, tags));
        _metrics.Start();
    }

    /// <summary>"span SOURCE/NAME: tag=value" and "metric METER/NAME: tag=value", each once.</summary>
    public IReadOnlyCollection<string> Texts => (IReadOnlyCollection<string>)_texts.Keys;

    void Keep(Activity a)
    {
        var where = $"span {a.Source.Name}/{a.OperationName} ({a.DisplayName})";
        _texts.TryAdd($"{where}: status={a.StatusDescription}", 0);
        foreach (var (key, value) in a.TagObjects) _texts.TryAdd($"{where}: {key}={value}", 0);
        foreach (var (key, value) in a.Baggage) _texts.TryAdd($"{where}: baggage {key}={value}", 0);
        foreach (var e in a.Events)
            foreach (var (key, value) in e.Tags) _texts.TryAdd($"{where}: event {e.Name} {key}={value}", 0);
    }

    void Keep(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var (key, value) in tags)
            _texts.TryAdd($"metric {instrument.Meter.Name}/{instrument.Name}: {key}={value}", 0);
    }

    public void Dispose()
    {
        _spans.Dispose();
        _metrics.Dispose();
    }
}
