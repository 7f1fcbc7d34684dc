using System.Collections.Concurrent;
using Dialer.TwilioSimulator.Callbacks;
using Dialer.TwilioSimulator.Calls;
using Dialer.TwilioSimulator.Hosting;
using Microsoft.Extensions.Options;

namespace Dialer.TwilioSimulator.Recordings;

/// <summary>
/// Recordings of calls: started on a call in progress, paused, resumed or stopped through the API, completed when
/// stopped or when the call ends; then the RecordingStatusCallback is posted (signed), and the media can be fetched
/// until deleted.
/// </summary>
public sealed class CallRecordings(
    WebhookClient webhooks, SimRandom random, IOptions<SimulatorOptions> options, TimeProvider time,
    IHostApplicationLifetime lifetime, ILogger<CallRecordings> logger)
{
    readonly ConcurrentDictionary<string, SimRecording> _recordings = new(StringComparer.Ordinal);

    public SimRecording Start(SimCall call, SimRecording recording)
    {
        var now = time.GetUtcNow();
        lock (recording.Gate) (recording.UpdatedAt, recording.RecordingSince) = (now, now);
        _recordings[recording.Sid] = recording;
        call.Note("recording " + recording.Sid + " started");
        Post(recording, RecordingStatus.InProgress);
        return recording;
    }

    public SimRecording? Find(string sid) =>
        _recordings.TryGetValue(sid, out var r) && !r.Deleted ? r : null;

    /// <summary>Newest first, as Twilio lists them.</summary>
    public IReadOnlyList<SimRecording> All(string? callSid = null) =>
        _recordings.Values.Where(r => !r.Deleted && (callSid is null || r.CallSid == callSid))
            .OrderByDescending(r => r.CreatedAt).ToList();

    /// <summary>Status=paused, in-progress (resume) or stopped; false when the recording is no longer live.</summary>
    public bool Change(SimRecording recording, string status)
    {
        var now = time.GetUtcNow();
        lock (recording.Gate)
        {
            if (!recording.IsLive) return false;
            if (recording.RecordingSince is { } since && status != RecordingStatus.InProgress)
                (recording.Recorded, recording.RecordingSince) = (recording.Recorded + (now - since), null);
            if (status == RecordingStatus.InProgress) recording.RecordingSince ??= now;
            (recording.Status, recording.UpdatedAt) = (status, now);
        }
        if (status == RecordingStatus.Stopped) Complete(recording);
        return true;
    }

    public void CallEnded(SimCall call)
    {
        foreach (var recording in _recordings.Values.Where(r => r.CallSid == call.Sid))
        {
            bool live;
            lock (recording.Gate) live = recording.IsLive;
            if (live) Complete(recording);
        }
    }

    public bool Delete(string sid)
    {
        if (Find(sid) is not { } recording) return false;
        lock (recording.Gate) recording.Deleted = true;
        return true;
    }

    public void Reset() => _recordings.Clear();

    void Complete(SimRecording recording)
    {
        var now = time.GetUtcNow();
        lock (recording.Gate)
        {
            if (recording.RecordingSince is { } since)
                (recording.Recorded, recording.RecordingSince) = (recording.Recorded + (now - since), null);
            (recording.Status, recording.UpdatedAt) = (RecordingStatus.Completed, now);
        }
        Post(recording, RecordingStatus.Completed);
    }

    void Post(SimRecording recording, string status)
    {
        if (recording.CallbackUrl is not { } url || !recording.CallbackEvents.Contains(status)) return;
        List<KeyValuePair<string, string>> parameters;
        lock (recording.Gate)
        {
            parameters =
            [
                new("AccountSid", recording.AccountSid), new("CallSid", recording.CallSid),
                new("RecordingSid", recording.Sid), new("RecordingUrl", recording.MediaUrl),
                new("RecordingStatus", status), new("RecordingChannels", CallParameters.Number(recording.Channels)),
                new("RecordingStartTime", CallResourceJson.Rfc2822(recording.CreatedAt)),
                new("RecordingSource", SimRecording.Source), new("RecordingTrack", recording.Track),
            ];
            if (status == RecordingStatus.Completed)
            {
                parameters.Add(new("RecordingDuration",
                    CallParameters.Number(recording.DurationSeconds(time.GetUtcNow()))));
                parameters.Add(new("ErrorCode", "0"));
            }
            recording.Posting = recording.Posting.ContinueWith(
                _ => SendAsync(url, recording.CallbackMethod, status, parameters), TaskScheduler.Default).Unwrap();
        }
    }

    async Task SendAsync(string url, string method, string status, List<KeyValuePair<string, string>> parameters)
    {
        var ct = lifetime.ApplicationStopping;
        try
        {
            var delay = random.Duration(options.Value.CallbackDelay);
            if (delay > TimeSpan.Zero) await Task.Delay(delay, time, ct);
            var response = await webhooks.SendAsync(url, method, parameters, ct);
            logger.LogDebug("Recording callback {Status} answered {HttpStatus}", status, response.Status);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
