using System.Collections.Concurrent;
using System.Threading.Channels;
using Dialer.TwilioSimulator.Agents;
using Dialer.TwilioSimulator.Calls;
using Dialer.TwilioSimulator.Faults;
using Dialer.TwilioSimulator.Hosting;
using Microsoft.Extensions.Options;

namespace Dialer.TwilioSimulator.Callbacks;

/// <summary>
/// Twilio's conference status callbacks (conference-start, participant-join, ...), signed like every webhook and
/// posted one at a time per conference in the order they happened, numbered by SequenceNumber. Only the events the
/// conference's statusCallbackEvent names are sent. No fault applies here but the callback delay and a customer's
/// join dropped (<see cref="FaultSettings.DropCustomerJoinNext"/>).
/// </summary>
public sealed class ConferenceCallbacks(
    WebhookClient webhooks, FaultState faults, SimRandom random, IOptions<SimulatorOptions> options, TimeProvider time,
    IHostApplicationLifetime lifetime, ILogger<ConferenceCallbacks> logger)
{
    readonly ConcurrentDictionary<string, Channel<Pending>> _lanes = new(StringComparer.Ordinal);

    /// <summary>
    /// Called under the registry's lock, so events are numbered and queued in the order they happened.
    /// </summary>
    /// <param name="kind">Twilio's short name in statusCallbackEvent: start, end, join, leave, mute, hold.</param>
    internal void Emit(Conference conference, string kind, string statusCallbackEvent, Participant? participant,
        params (string Name, string? Value)[] extra)
    {
        if (conference.Callback is not { } callback || !callback.Events.Contains(kind)) return;
        if (kind == "join" && participant?.Label == "customer" && faults.TakeDropCustomerJoin()) return;
        List<KeyValuePair<string, string>> parameters =
        [
            new("AccountSid", options.Value.AccountSid), new("ConferenceSid", conference.Sid),
            new("FriendlyName", conference.Name), new("StatusCallbackEvent", statusCallbackEvent),
            new("Timestamp", CallResourceJson.Rfc2822(time.GetUtcNow())),
            new("SequenceNumber", CallParameters.Number(conference.NextSequenceNumber++)),
        ];
        if (participant is not null)
        {
            parameters.Add(new("CallSid", participant.CallSid));
            parameters.Add(new("ParticipantLabel", participant.Label));
            parameters.Add(new("Muted", Flag(participant.Muted)));
            parameters.Add(new("Hold", Flag(participant.Hold)));
            parameters.Add(new("Coaching", Flag(participant.Coaching is not null)));
            if (participant.Coaching is { } coached) parameters.Add(new("CallSidToCoach", coached));
            parameters.Add(new("EndConferenceOnExit", Flag(participant.EndConferenceOnExit)));
            parameters.Add(new("StartConferenceOnEnter", Flag(participant.StartConferenceOnEnter)));
        }
        parameters.AddRange(extra.Where(e => e.Value is not null)
            .Select(e => new KeyValuePair<string, string>(e.Name, e.Value!)));

        var lane = _lanes.GetOrAdd(conference.Sid, _ => StartLane());
        lane.Writer.TryWrite(new Pending(callback.Url, callback.Method, statusCallbackEvent, parameters));
        if (statusCallbackEvent == "conference-end" && _lanes.TryRemove(conference.Sid, out var done))
            done.Writer.TryComplete();
    }

    static string Flag(bool value) => value ? "true" : "false";

    Channel<Pending> StartLane()
    {
        var lane = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
        _ = DrainAsync(lane.Reader, lifetime.ApplicationStopping);
        return lane;
    }

    async Task DrainAsync(ChannelReader<Pending> reader, CancellationToken ct)
    {
        try
        {
            await foreach (var pending in reader.ReadAllAsync(ct))
            {
                var delay = random.Duration(options.Value.CallbackDelay)
                    + TimeSpan.FromMilliseconds(faults.Current.CallbackDelayMs);
                if (delay > TimeSpan.Zero) await Task.Delay(delay, time, ct);
                var response = await webhooks.SendAsync(pending.Url, pending.Method, pending.Parameters, ct);
                logger.LogDebug("Conference callback {Event} answered {HttpStatus}", pending.Event, response.Status);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    sealed record Pending(string Url, string Method, string Event,
        IReadOnlyList<KeyValuePair<string, string>> Parameters);
}
