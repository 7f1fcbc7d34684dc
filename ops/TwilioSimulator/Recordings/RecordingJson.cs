using Dialer.TwilioSimulator.Callbacks;
using Dialer.TwilioSimulator.Calls;

namespace Dialer.TwilioSimulator.Recordings;

/// <summary>The call's Recording resource as Twilio's schema api.v2010.account.call.call_recording names it.</summary>
public sealed record CallRecordingJson(
    string AccountSid, string ApiVersion, string CallSid, string? ConferenceSid, string DateCreated, string DateUpdated,
    string StartTime, string Duration, string Sid, string? Price, string Uri, object? EncryptionDetails,
    string PriceUnit, string Status, int Channels, string Source, int? ErrorCode, string Track)
{
    public static CallRecordingJson Of(SimRecording r, DateTimeOffset now)
    {
        lock (r.Gate)
            return new(r.AccountSid, CallResourceJson.ApiVersionValue, r.CallSid, null,
                CallResourceJson.Rfc2822(r.CreatedAt), CallResourceJson.Rfc2822(r.UpdatedAt),
                CallResourceJson.Rfc2822(r.CreatedAt), DurationOf(r, now), r.Sid, null,
                $"/2010-04-01/Accounts/{r.AccountSid}/Calls/{r.CallSid}/Recordings/{r.Sid}.json", null, "USD", r.Status,
                r.Channels, SimRecording.Source, null, r.Track);
    }

    /// <summary>Twilio says -1 until the recording is done.</summary>
    public static string DurationOf(SimRecording r, DateTimeOffset now) =>
        r.Status == RecordingStatus.Completed ? CallParameters.Number(r.DurationSeconds(now)) : "-1";
}

/// <summary>The account's Recording resource as Twilio's schema api.v2010.account.recording names it.</summary>
public sealed record RecordingJson(
    string AccountSid, string ApiVersion, string CallSid, string? ConferenceSid, string DateCreated, string DateUpdated,
    string StartTime, string Duration, string Sid, string? Price, string PriceUnit, string Status, int Channels,
    string Source, int? ErrorCode, string Uri, object? EncryptionDetails, Dictionary<string, string> SubresourceUris,
    string MediaUrl)
{
    public static RecordingJson Of(SimRecording r, DateTimeOffset now)
    {
        lock (r.Gate)
        {
            var baseUri = $"/2010-04-01/Accounts/{r.AccountSid}/Recordings/{r.Sid}";
            return new(r.AccountSid, CallResourceJson.ApiVersionValue, r.CallSid, null,
                CallResourceJson.Rfc2822(r.CreatedAt), CallResourceJson.Rfc2822(r.UpdatedAt),
                CallResourceJson.Rfc2822(r.CreatedAt), CallRecordingJson.DurationOf(r, now), r.Sid, null, "USD",
                r.Status, r.Channels, SimRecording.Source, null, baseUri + ".json", null, new Dictionary<string, string>
                {
                    ["add_on_results"] = baseUri + "/AddOnResults.json",
                    ["transcriptions"] = baseUri + "/Transcriptions.json",
                },
                r.MediaUrl);
        }
    }
}
