using System.Diagnostics.Metrics;
using Dialer.Core.Scheduling;

namespace Dialer.ServiceDefaults.Telemetry;

/// <summary>
/// The engine's own figures for operators. The counters start at zero at process start so that every
/// series exists from the first scrape (rate() needs a starting point).
/// </summary>
public sealed class DialerMetrics : IPacingMeter
{
    public const string MeterName = "Dialer";
    readonly Counter<long> _dials;
    readonly Counter<long> _answered;
    readonly Counter<long> _abandoned;
    readonly Histogram<double> _answerWebhook;
    readonly Histogram<double> _answerToAgent;
    readonly Histogram<double> _twilioRequest;
    readonly Counter<long> _twilioErrors;
    readonly Counter<long> _pacingDecisions;
    readonly Counter<long> _linesOpened;
    readonly Histogram<double> _pacingTick;
    Func<IEnumerable<Measurement<long>>> _inFlight = () => [];
    Func<IEnumerable<Measurement<double>>> _abandonRate = () => [];
    Func<IEnumerable<Measurement<long>>> _queueDepth = () => [];

    public DialerMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _dials = meter.CreateCounter<long>("dials_total", description: "Calls placed with Twilio.");
        _answered = meter.CreateCounter<long>("calls_answered_total",
            description: "Calls answered, by person or machine (tag answered_by).");
        _abandoned = meter.CreateCounter<long>("calls_abandoned_total",
            description: "Calls a person answered with no agent connected.");
        _answerWebhook = meter.CreateHistogram<double>("answer_webhook_duration", unit: "s",
            description: "Time to answer Twilio's answer webhook (the customer hears silence meanwhile).");
        _answerToAgent = meter.CreateHistogram<double>("answer_to_agent_duration", unit: "s",
            description: "From a person's answer to their agent's leg connecting.");
        _twilioRequest = meter.CreateHistogram<double>("twilio_request_duration", unit: "s",
            description: "Twilio REST requests, by resource, method and HTTP status.");
        _twilioErrors = meter.CreateCounter<long>("twilio_errors_total",
            description: "Twilio REST errors by Twilio's error code (or the HTTP status when the body has none).");
        _pacingDecisions = meter.CreateCounter<long>("pacing_decisions_total",
            description: "Pacer decisions, by campaign and mode.");
        _pacingTick = meter.CreateHistogram<double>("pacing_tick_duration", unit: "s",
            description: "One campaign's pacing tick, by phase: decide (learn, read the ledger and snapshot, ask the "
                + "pacer), claim (contacts and attempts, their dials committed to the outbox). The pacer decides on "
                + "what it read at the tick's start.");
        _linesOpened = meter.CreateCounter<long>("pacing_lines_opened_total",
            description: "Lines the pacer opened (contacts claimed and dialed), by campaign and mode.");
        meter.CreateObservableGauge("attempts_in_flight", () => _inFlight(),
            description: "Attempts not yet final, per campaign.");
        meter.CreateObservableGauge("abandon_rate", () => _abandonRate(),
            description: "Abandoned share of live answers over each campaign's own abandon window (a fraction).");
        meter.CreateObservableGauge("queue_messages", () => _queueDepth(),
            description: "Messages waiting in the process's RabbitMQ queues, by queue.");
        _dials.Add(0);
        _answered.Add(0);
        _abandoned.Add(0);
        _twilioErrors.Add(0);
    }

    public void Dialed() => _dials.Add(1);

    public void Answered(string? answeredBy) =>
        _answered.Add(1, new KeyValuePair<string, object?>("answered_by", answeredBy ?? "unknown"));

    public void Abandoned() => _abandoned.Add(1);

    public void AnswerWebhookTook(TimeSpan elapsed) => _answerWebhook.Record(elapsed.TotalSeconds);

    public void AgentConnected(TimeSpan afterAnswer) => _answerToAgent.Record(Math.Max(afterAnswer.TotalSeconds, 0));

    public void TwilioRequest(string resource, string method, int status, TimeSpan elapsed) =>
        _twilioRequest.Record(elapsed.TotalSeconds,
            new("resource", resource), new("method", method), new KeyValuePair<string, object?>("status", status));

    public void TwilioError(string code) => _twilioErrors.Add(1, new KeyValuePair<string, object?>("code", code));

    public void Paced(Guid campaignId, string mode, int linesOpened)
    {
        KeyValuePair<string, object?>[] tags = [new("campaign_id", campaignId.ToString()), new("mode", mode)];
        _pacingDecisions.Add(1, tags);
        _linesOpened.Add(linesOpened, tags);
    }

    public void PacingTickPhase(string phase, TimeSpan elapsed) =>
        _pacingTick.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("phase", phase));

    /// <summary>Where the process knows its campaigns' lines in flight (the Api's live dashboard), it reports them
    /// here.</summary>
    public void ObserveInFlight(Func<IEnumerable<Measurement<long>>> source) => _inFlight = source;

    public void ObserveAbandonRate(Func<IEnumerable<Measurement<double>>> source) => _abandonRate = source;

    public void ObserveQueueDepth(Func<IEnumerable<Measurement<long>>> source) => _queueDepth = source;
}
