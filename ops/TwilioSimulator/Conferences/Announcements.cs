using Dialer.TwilioSimulator.Agents;
using Dialer.TwilioSimulator.Callbacks;
using Dialer.TwilioSimulator.Hosting;
using Dialer.TwilioSimulator.Records;
using Dialer.TwilioSimulator.TwiML;
using Microsoft.Extensions.Options;

namespace Dialer.TwilioSimulator.Conferences;

/// <summary>
/// A participant update's AnnounceUrl: requested like any webhook (signed), its TwiML "played" to that participant
/// alone. &lt;Play digits="1234w5"&gt; is how the engine sends DTMF from the console: the digits are recorded as heard
/// by the participant (digitsHeard) and in their call's trail. An answer that is not TwiML counts as audio played.
/// </summary>
public sealed class Announcements(
    WebhookClient webhooks, PlayVerb play, ConferenceRegistry registry, CallRecordStore records, IOptions<SimulatorOptions> options,
    IHostApplicationLifetime lifetime, ILogger<Announcements> logger)
{
    public void Start(ConferenceSnapshot room, Participant listener, ParticipantForm.Announcement announcement) =>
        _ = PlayAsync(room, listener, announcement, lifetime.ApplicationStopping);

    async Task PlayAsync(ConferenceSnapshot room, Participant listener, ParticipantForm.Announcement announcement,
        CancellationToken ct)
    {
        var call = records.Find(listener.CallSid);
        List<KeyValuePair<string, string>> parameters =
        [
            new("AccountSid", options.Value.AccountSid), new("CallSid", listener.CallSid),
            new("ConferenceSid", room.Sid), new("FriendlyName", room.Name),
        ];
        var response = await webhooks.SendAsync(announcement.Url, announcement.Method, parameters, ct);
        if (!response.Succeeded)
        {
            call?.Note($"announcement {announcement.Url} answered {response.Status} {response.Error}".TrimEnd());
            logger.LogInformation("Announcement for {CallSid} failed: {HttpStatus}", listener.CallSid, response.Status);
            return;
        }
        registry.Note(room.Name, $"announcement to {listener.Label}: {announcement.Url}");
        var twiml = response.Body.TrimStart().StartsWith('<')
            ? TwimlDocument.TryParse(response.Body, announcement.Url, out _) : null;
        if (twiml is null)
        {
            call?.Note("announcement audio " + announcement.Url);
            return;
        }
        foreach (var verb in twiml.Verbs)
        {
            if (verb.Name.LocalName == "Play" && verb.Text("digits") is { Length: > 0 } digits)
            {
                registry.Update(room.Sid, listener.CallSid, p => p with { DigitsHeard = [.. p.DigitsHeard, digits] });
                call?.Note("heard digits " + digits);
            }
            else if (verb.Name.LocalName == "Say") call?.Note($"announcement Say ({verb.Value.Length} chars)");
            else if (verb.Name.LocalName == "Play" && call is not null) await play.FetchAsync(call, verb, twiml, ct);
            else call?.Note($"announcement {verb.Name.LocalName} {verb.Value.Trim()}".TrimEnd());
        }
    }
}
