using Dialer.TwilioSimulator.Agents;
using Dialer.TwilioSimulator.Calls;

namespace Dialer.TwilioSimulator.Conferences;

/// <summary>The Conference resource as Twilio's schema api.v2010.account.conference names it.</summary>
public sealed record ConferenceJson(
    string AccountSid, string DateCreated, string DateUpdated, string ApiVersion, string FriendlyName, string Region,
    string Sid, string Status, string Uri, Dictionary<string, string> SubresourceUris, string? ReasonConferenceEnded,
    string? CallSidEndingConference)
{
    public static string ConferenceUri(string accountSid, string sid) =>
        $"/2010-04-01/Accounts/{accountSid}/Conferences/{sid}.json";

    public static ConferenceJson Of(string accountSid, ConferenceSnapshot c)
    {
        var uri = ConferenceUri(accountSid, c.Sid);
        var baseUri = uri[..^".json".Length];
        return new ConferenceJson(accountSid, CallResourceJson.Rfc2822(c.CreatedAt),
            CallResourceJson.Rfc2822(c.UpdatedAt), CallResourceJson.ApiVersionValue, c.Name, "us1", c.Sid, c.Status,
            uri, new Dictionary<string, string>
            {
                ["participants"] = $"{baseUri}/Participants.json",
                ["recordings"] = $"{baseUri}/Recordings.json",
            },
            c.ReasonEnded, c.CallSidEnding);
    }
}

/// <summary>The Participant resource as Twilio's schema api.v2010.account.conference.participant names it.</summary>
public sealed record ParticipantJson(
    string AccountSid, string CallSid, string? Label, string? CallSidToCoach, bool Coaching, string ConferenceSid,
    string DateCreated, string DateUpdated, bool EndConferenceOnExit, bool Muted, bool Hold,
    bool StartConferenceOnEnter, string Status, string? QueueTime, string Uri)
{
    public static ParticipantJson Of(string accountSid, string conferenceSid, Participant p) =>
        new(accountSid, p.CallSid, p.Label, p.Coaching, p.Coaching is not null, conferenceSid,
            CallResourceJson.Rfc2822(p.CreatedAt), CallResourceJson.Rfc2822(p.UpdatedAt), p.EndConferenceOnExit,
            p.Muted, p.Hold, p.StartConferenceOnEnter, p.Status,
            ((long)p.QueueTimeMs).ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"/2010-04-01/Accounts/{accountSid}/Conferences/{conferenceSid}/Participants/{p.CallSid}.json");
}
