using Dialer.TwilioSimulator.Calls;
using Dialer.TwilioSimulator.Conferences;
using Dialer.TwilioSimulator.Records;

namespace Dialer.TwilioSimulator.Recordings;

/// <summary>
/// Twilio's call recordings: start, update (pause, resume, stop), fetch, list and delete under a call, and the
/// account's Recordings: fetch, list, delete, and the media (.wav, .mp3 or no extension: all a WAV, see the README).
/// </summary>
public static class RecordingsApi
{
    static readonly string[] Events = ["in-progress", "completed", "absent"];

    public static RouteGroupBuilder MapRecordingsApi(this RouteGroupBuilder group)
    {
        group.MapPost("/Calls/{callSid}/Recordings.json", Create);
        group.MapGet("/Calls/{callSid}/Recordings.json",
            (string accountSid, string callSid, HttpRequest request, CallRecordings recordings, TimeProvider time) =>
            TwilioPage.Of(request, $"/2010-04-01/Accounts/{accountSid}/Calls/{callSid}/Recordings.json", "recordings",
                recordings.All(callSid).Select(r => CallRecordingJson.Of(r, time.GetUtcNow())).ToList()));
        group.MapGet("/Calls/{callSid}/Recordings/{sid}.json",
            (string callSid, string sid, HttpRequest request, CallRecordings recordings, TimeProvider time) =>
            recordings.Find(sid) is { } r && r.CallSid == callSid
                ? Results.Json(CallRecordingJson.Of(r, time.GetUtcNow()), CallResourceJson.Json)
                : TwilioError.NotFound(request.Path));
        group.MapPost("/Calls/{callSid}/Recordings/{sid}.json", Update);
        group.MapDelete("/Calls/{callSid}/Recordings/{sid}.json",
            (string callSid, string sid, HttpRequest request, CallRecordings recordings) =>
            recordings.Find(sid)?.CallSid == callSid && recordings.Delete(sid) ? Results.NoContent()
                : TwilioError.NotFound(request.Path));

        group.MapGet("/Recordings.json",
            (string accountSid, HttpRequest request, CallRecordings recordings, TimeProvider time) =>
            TwilioPage.Of(request, $"/2010-04-01/Accounts/{accountSid}/Recordings.json", "recordings",
                recordings.All(request.Query["CallSid"].ToString() is { Length: > 0 } call ? call : null)
                .Select(r => RecordingJson.Of(r, time.GetUtcNow())).ToList()));
        group.MapGet("/Recordings/{sid}.json",
            (string sid, HttpRequest request, CallRecordings recordings, TimeProvider time) =>
            recordings.Find(sid) is { } r ? Results.Json(RecordingJson.Of(r, time.GetUtcNow()), CallResourceJson.Json)
                : TwilioError.NotFound(request.Path));
        group.MapDelete("/Recordings/{sid}.json", (string sid, HttpRequest request, CallRecordings recordings) =>
            recordings.Delete(sid) ? Results.NoContent() : TwilioError.NotFound(request.Path));
        group.MapGet("/Recordings/{sid}.wav", Media);
        group.MapGet("/Recordings/{sid}.mp3", Media);
        group.MapGet("/Recordings/{sid}", Media);
        return group;
    }

    static async Task<IResult> Create(string accountSid, string callSid, HttpRequest request, CallRecordStore calls,
        CallRecordings recordings, TimeProvider time, CancellationToken ct)
    {
        if (calls.Find(callSid) is not { } call) return TwilioError.NotFound(request.Path);
        var form = await request.ReadFormAsync(ct);
        string status;
        lock (call.Gate) status = call.Status;
        if (status != CallStatus.InProgress)
            return TwilioError.Result(400, 21220,
                "Requested resource is not eligible for recording: the call is not in-progress");

        var callback = CreateCallForm.Optional(form, "RecordingStatusCallback");
        if (callback is not null && !CreateCallForm.IsHttpUrl(callback))
            return TwilioError.Result(400, 21205, $"RecordingStatusCallback is not a valid URL: {callback}");
        var events = form["RecordingStatusCallbackEvent"]
            .SelectMany(v => (v ?? "").Split(' ',
                StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.Ordinal);
        if (events.FirstOrDefault(e => !Events.Contains(e)) is { } unknown)
            return TwilioError.Result(400, 21626, $"Invalid RecordingStatusCallbackEvent: {unknown}");
        var channels = CreateCallForm.Optional(form, "RecordingChannels") ?? "mono";
        var track = CreateCallForm.Optional(form, "RecordingTrack") ?? "both";
        var trim = CreateCallForm.Optional(form, "Trim") ?? "do-not-trim";
        if (channels is not ("mono" or "dual"))
            return TwilioError.Result(400, 21626, $"Invalid RecordingChannels: {channels}");
        if (track is not ("inbound" or "outbound" or "both"))
            return TwilioError.Result(400, 21626, $"Invalid RecordingTrack: {track}");
        if (trim is not ("trim-silence" or "do-not-trim"))
            return TwilioError.Result(400, 21626, $"Invalid Trim: {trim}");

        var recording = recordings.Start(call, new SimRecording
        {
            Sid = "RE" + Guid.NewGuid().ToString("N"), AccountSid = accountSid, CallSid = callSid,
            CreatedAt = time.GetUtcNow(),
            Channels = channels == "dual" ? 2 : 1, Track = track, Trim = trim,
            BaseUrl = $"{request.Scheme}://{request.Host}",
            CallbackUrl = callback, CallbackMethod = CreateCallForm.MethodOf(form, "RecordingStatusCallbackMethod"),
            CallbackEvents = events.Count == 0 ? new HashSet<string> { RecordingStatus.Completed } : events,
        });
        return Results.Json(CallRecordingJson.Of(recording, time.GetUtcNow()), CallResourceJson.Json,
            statusCode: StatusCodes.Status201Created);
    }

    static async Task<IResult> Update(string callSid, string sid, HttpRequest request, CallRecordings recordings,
        TimeProvider time, CancellationToken ct)
    {
        if (recordings.Find(sid) is not { } recording || recording.CallSid != callSid)
            return TwilioError.NotFound(request.Path);
        var form = await request.ReadFormAsync(ct);
        var status = CreateCallForm.Optional(form, "Status");
        if (status is not (RecordingStatus.Stopped or RecordingStatus.Paused or RecordingStatus.InProgress))
            return TwilioError.Result(400, 21626, $"Invalid Status: {status}");
        var before = CallRecordingJson.Of(recording, time.GetUtcNow());
        if (!recordings.Change(recording, status))
            return TwilioError.Result(400, 21220, "The recording is not in progress");
        // a stopped recording completes at once; the answer still says stopped, as Twilio's does
        return Results.Json(before with { Status = status, DateUpdated = CallResourceJson.Rfc2822(time.GetUtcNow()) },
            CallResourceJson.Json);
    }

    static IResult Media(string sid, HttpRequest request, CallRecordings recordings, TimeProvider time)
    {
        if (recordings.Find(sid) is not { } recording) return TwilioError.NotFound(request.Path);
        int seconds, channels;
        lock (recording.Gate) (seconds, channels) = (recording.DurationSeconds(time.GetUtcNow()), recording.Channels);
        // byte ranges as Twilio's media serves them: a browser's player seeks with them
        return Results.File(WavFile.Tone(seconds, channels), "audio/x-wav", enableRangeProcessing: true);
    }
}
