using System.Diagnostics.Metrics;

namespace Dialer.Core.Telemetry;

/// <summary>
/// The engine's own figures for operators. The counters start at zero at process start so that every
/// series exists from the first scrape (rate() needs a starting point).
/// </summary>
public sealed class DialerMetrics
{
    public const string MeterName = "Dialer";
    readonly Counter<long> _dials;
    readonly Counter<long> _answered;
    readonly Counter<long> _abandoned;
    readonly Histogram<double> _answerWebhook;
    Func<IEnumerable<Measurement<long>>> _inFlight = () => [];

    public DialerMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _dials = meter.CreateCounter<long>("dials_total", description: "Calls placed with Twilio.");
        _answered = meter.CreateCounter<long>("calls_answered_total", description: "Calls answered, by person or machine (tag answered_by).");
        _abandoned = meter.CreateCounter<long>("calls_abandoned_total", description: "Calls a person answered with no agent connected.");
        _answerWebhook = meter.CreateHistogram<double>("answer_webhook_duration", unit: "s",
            description: "Time to answer Twilio's answer webhook (the customer hears silence meanwhile).");
        meter.CreateObservableGauge("attempts_in_flight", () => _inFlight(), description: "Attempts not yet final, per campaign.");
        _dials.Add(0);
        _answered.Add(0);
        _abandoned.Add(0);
    }

    public void Dialed() => _dials.Add(1);

    public void Answered(string? answeredBy) => _answered.Add(1, new KeyValuePair<string, object?>("answered_by", answeredBy ?? "unknown"));

    public void Abandoned() => _abandoned.Add(1);

    public void AnswerWebhookTook(TimeSpan elapsed) => _answerWebhook.Record(elapsed.TotalSeconds);

    /// <summary>Where the process knows its campaigns' lines in flight (the Api's live dashboard), it reports them here.</summary>
    public void ObserveInFlight(Func<IEnumerable<Measurement<long>>> source) => _inFlight = source;
}
