using System.Collections.Concurrent;
using System.Threading.Channels;
using Dialer.TwilioSimulator.Calls;
using Dialer.TwilioSimulator.Faults;
using Dialer.TwilioSimulator.Hosting;
using Microsoft.Extensions.Options;

namespace Dialer.TwilioSimulator.Callbacks;

/// <summary>
/// Posts status callbacks for the events a call asked for, one at a time per call and in order
/// (unless the reorder fault says otherwise), numbered with SequenceNumber as Twilio numbers them.
/// The call never waits for its callbacks, as with Twilio.
/// </summary>
public sealed class StatusCallbacks(
    WebhookClient webhooks, FaultState faults, SimRandom random, IOptions<SimulatorOptions> options,
    TimeProvider time, IHostApplicationLifetime lifetime, ILogger<StatusCallbacks> logger)
{
    readonly ConcurrentDictionary<string, Channel<PendingCallback>> _lanes = new(StringComparer.Ordinal);

    /// <param name="statusCallbackEvent">initiated, ringing, answered or completed.</param>
    public void Publish(SimCall call, string statusCallbackEvent, string callStatus)
    {
        var final = statusCallbackEvent == "completed";
        if (call.Control.Silenced || !call.Instructions.WantsEvent(statusCallbackEvent))
        {
            if (final && _lanes.TryRemove(call.Sid, out var idle)) idle.Writer.TryComplete();
            return;
        }

        var parameters = CallParameters.For(call, callStatus);
        lock (call.Gate)
        {
            parameters.Add(new("CallbackSource", "call-progress-events"));
            parameters.Add(new("SequenceNumber", CallParameters.Number(call.NextSequenceNumber++)));
            parameters.Add(new("Timestamp", CallResourceJson.Rfc2822(time.GetUtcNow())));
            if (final)
            {
                var duration = CallParameters.Number(call.DurationSeconds);
                parameters.Add(new("CallDuration", duration));
                parameters.Add(new("Duration", CallParameters.Number((call.DurationSeconds + 59) / 60)));
                parameters.Add(new("SipResponseCode", SipCode(callStatus)));
            }
        }

        var lane = _lanes.GetOrAdd(call.Sid, sid => StartLane(sid));
        lane.Writer.TryWrite(new PendingCallback(call.Instructions.StatusCallback!,
            call.Instructions.StatusCallbackMethod, statusCallbackEvent, parameters, Guid.NewGuid().ToString()));
        if (final && _lanes.TryRemove(call.Sid, out var done)) done.Writer.TryComplete();
    }

    Channel<PendingCallback> StartLane(string sid)
    {
        var lane = Channel.CreateUnbounded<PendingCallback>(new UnboundedChannelOptions { SingleReader = true });
        _ = DrainAsync(sid, lane.Reader, lifetime.ApplicationStopping);
        return lane;
    }

    async Task DrainAsync(string sid, ChannelReader<PendingCallback> reader, CancellationToken ct)
    {
        PendingCallback? heldBack = null;
        try
        {
            await foreach (var callback in reader.ReadAllAsync(ct))
            {
                if (heldBack is null && faults.ReorderCallback())
                {
                    heldBack = callback;
                    continue;
                }
                await DeliverAsync(sid, callback, ct);
                if (heldBack is not null) await DeliverAsync(sid, heldBack, ct);
                heldBack = null;
            }
            if (heldBack is not null) await DeliverAsync(sid, heldBack, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    async Task DeliverAsync(string sid, PendingCallback callback, CancellationToken ct)
    {
        var delay = random.Duration(options.Value.CallbackDelay)
            + TimeSpan.FromMilliseconds(faults.Current.CallbackDelayMs);
        if (delay > TimeSpan.Zero) await Task.Delay(delay, time, ct);

        var copies = faults.DuplicateCallback() ? 2 : 1;
        for (var i = 0; i < copies; i++)
        {
            var response = await webhooks.SendAsync(callback.Url, callback.Method, callback.Parameters, ct,
                callback.IdempotencyToken);
            logger.LogDebug("Status callback {Event} for {CallSid} answered {HttpStatus}{Copy}",
                callback.Event, sid, response.Status, i > 0 ? " (duplicate)" : "");
        }
    }

    static string SipCode(string callStatus) => callStatus switch
    {
        CallStatus.Busy => "486",
        CallStatus.NoAnswer => "487",
        CallStatus.Failed => "500",
        CallStatus.Canceled => "487",
        _ => "200",
    };

    sealed record PendingCallback(
        string Url, string Method, string Event, IReadOnlyList<KeyValuePair<string, string>> Parameters,
        string IdempotencyToken);
}
