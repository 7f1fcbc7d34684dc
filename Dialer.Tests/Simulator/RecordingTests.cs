using System.Net.Http.Headers;
using System.Text;
using Dialer.TwilioSimulator.Hosting;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Security;
using Twilio.Types;
using static Dialer.Tests.Simulator.SimulatorTestKit;
using CallRecording = Twilio.Rest.Api.V2010.Account.Call.RecordingResource;

namespace Dialer.Tests.Simulator;

/// <summary>Call recordings through the real Twilio SDK: start, complete with the call, callback, fetch, media,
/// delete.</summary>
public sealed class RecordingTests
{
    static readonly PhoneNumber Customer = new("+15551230001");
    static readonly PhoneNumber CallerId = new("+15559990000");

    [Fact]
    public async Task Recording_is_created_completed_fetched_and_deleted()
    {
        await using var sim = await SimulatorHost.StartAsync(Fast());
        await using var engine = await WebhookReceiver.StartAsync();
        var twilio = sim.TwilioClient();
        engine.Twiml["/answer"] = "<Response><Pause length=\"150\"/></Response>"; // 1.5 s at the test's time scale
        var call = await CallResource.CreateAsync(Customer, CallerId, url: new Uri(engine.Url("/answer")),
            client: twilio);
        await CallRestApiTests.WaitUntilAsync(async () =>
            (await CallResource.FetchAsync(call.Sid, client: twilio)).Status == CallResource.StatusEnum.InProgress);

        var started = await CallRecording.CreateAsync(
            new Twilio.Rest.Api.V2010.Account.Call.CreateRecordingOptions(call.Sid)
            {
                RecordingStatusCallback = new Uri(engine.Url("/recording?attempt=3")),
                RecordingStatusCallbackEvent = ["in-progress", "completed"],
                RecordingChannels = "dual", RecordingTrack = "both", Trim = "do-not-trim",
            }, twilio);
        await sim.WaitForEndAsync(call.Sid, Patience);
        var callbacks = (await engine.WaitForAsync(r => r.Count(w => w.Path == "/recording") == 2))
            .Where(w => w.Path == "/recording").ToList();
        var fetched = await RecordingResource.FetchAsync(started.Sid, client: twilio);
        var listed = await CallRecording.ReadAsync(call.Sid, client: twilio);
        var all = await RecordingResource.ReadAsync(callSid: call.Sid, client: twilio);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{sim.Options.AccountSid}:{sim.Options.AuthToken}")));
        var completed = callbacks[1];
        var wav = await http.GetAsync(completed.Get("RecordingUrl") + ".wav");
        var mp3 = await http.GetAsync(completed.Get("RecordingUrl") + ".mp3");
        await RecordingResource.DeleteAsync(started.Sid, client: twilio);
        var gone = await Assert.ThrowsAsync<ApiException>(() =>
            RecordingResource.FetchAsync(started.Sid, client: twilio));

        Assert.StartsWith("RE", started.Sid);
        Assert.Equal((call.Sid, CallRecording.StatusEnum.InProgress, CallRecording.SourceEnum.Startcallrecordingapi, 2),
            (started.CallSid, started.Status, started.Source, started.Channels));
        Assert.Equal(["in-progress", "completed"], callbacks.Select(w => w.Get("RecordingStatus")));
        var validator = new RequestValidator(sim.Options.AuthToken);
        Assert.All(callbacks, w => Assert.True(validator.Validate(w.Url, w.Form.ToDictionary(), w.Signature)));
        Assert.Equal((call.Sid, started.Sid, "2", "StartCallRecordingAPI", "both"),
            (completed.Get("CallSid"), completed.Get("RecordingSid"), completed.Get("RecordingChannels"),
                completed.Get("RecordingSource"), completed.Get("RecordingTrack")));
        Assert.Equal($"{sim.BaseAddress}2010-04-01/Accounts/{sim.Options.AccountSid}/Recordings/{started.Sid}",
            completed.Get("RecordingUrl"));
        var seconds = int.Parse(completed.Get("RecordingDuration")!);
        Assert.InRange(seconds, 1, 3);
        Assert.NotNull(completed.Get("RecordingStartTime"));
        Assert.Equal((RecordingResource.StatusEnum.Completed, seconds.ToString()), (fetched.Status, fetched.Duration));
        Assert.Equal(started.Sid, Assert.Single(listed).Sid);
        Assert.Equal(started.Sid, Assert.Single(all).Sid);
        var bytes = await wav.Content.ReadAsByteArrayAsync();
        Assert.Equal("RIFF", Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal(44 + seconds * 8_000 * 2 * 2, bytes.Length); // 8 kHz, 16-bit, two channels
        Assert.Equal(bytes, await mp3.Content.ReadAsByteArrayAsync()); // documented: the .mp3 is a WAV too
        Assert.Equal((404, 20404), (gone.Status, gone.Code));
    }

    [Fact]
    public async Task Recording_a_call_not_in_progress_is_refused_21220_and_a_stopped_one_completes_at_once()
    {
        // a ring long enough that the first request surely meets a call not yet answered, however busy the machine
        await using var sim = await SimulatorHost.StartAsync(Fast(o => o.RingTime = new DurationRange(1500, 1500)));
        await using var engine = await WebhookReceiver.StartAsync();
        var twilio = sim.TwilioClient();
        engine.Twiml["/answer"] = "<Response><Pause length=\"1000\"/></Response>";
        var call = await CallResource.CreateAsync(Customer, CallerId, url: new Uri(engine.Url("/answer")),
            client: twilio);

        var early = await Assert.ThrowsAsync<ApiException>(() => CallRecording.CreateAsync(call.Sid, client: twilio));
        await CallRestApiTests.WaitUntilAsync(async () =>
            (await CallResource.FetchAsync(call.Sid, client: twilio)).Status == CallResource.StatusEnum.InProgress);
        var recording = await CallRecording.CreateAsync(call.Sid,
            recordingStatusCallback: new Uri(engine.Url("/recording")), client: twilio);
        var paused = await CallRecording.UpdateAsync(call.Sid, recording.Sid, CallRecording.StatusEnum.Paused,
            client: twilio);
        var stopped = await CallRecording.UpdateAsync(call.Sid, recording.Sid, CallRecording.StatusEnum.Stopped,
            client: twilio);
        var done = (await engine.WaitForAsync(r => r.Any(w => w.Path == "/recording")))
            .Single(w => w.Path == "/recording");

        Assert.Equal((400, 21220), (early.Status, early.Code));
        Assert.Equal((CallRecording.StatusEnum.Paused, CallRecording.StatusEnum.Stopped),
            (paused.Status, stopped.Status));
        Assert.Equal("completed", done.Get("RecordingStatus"));
        Assert.Equal("in-progress", sim.Calls.Record(call.Sid)!.Status); // stopping the recording leaves the call alone
    }
}
