using Dialer.TwilioSimulator.Hosting;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;
using static Dialer.Tests.Simulator.SimulatorTestKit;

namespace Dialer.Tests.Simulator;

/// <summary>
/// &lt;Play&gt; fetches its audio as Twilio does: what cannot be fetched is the call's error and is skipped; the
/// success path, with the engine's signed URL, is in Dialer.Tests/Compliance/RecordedMessageTests.
/// </summary>
public sealed class PlayTests
{
    static readonly PhoneNumber Customer = new("+15551230002");
    static readonly PhoneNumber CallerId = new("+15559990000");

    [Theory]
    [InlineData(404, "answered 404")]
    [InlineData(403, "answered 403")]
    [InlineData(200, "application/xml is not audio")]
    public async Task A_play_whose_audio_cannot_be_fetched_is_the_calls_error_and_the_call_goes_on(int status,
        string problem)
    {
        await using var sim = await SimulatorHost.StartAsync(Fast());
        await using var engine = await WebhookReceiver.StartAsync();
        engine.Twiml["/answer"] = "<Response><Play>/audio.mp3?sig=secret</Play><Say>After</Say></Response>";
        engine.Status["/audio.mp3"] = status;

        var call = await CallResource.CreateAsync(Customer, CallerId, url: new Uri(engine.Url("/answer")),
            client: sim.TwilioClient());
        var record = await sim.WaitForEndAsync(call.Sid, Patience);

        Assert.Single(engine.On("/audio.mp3"), r => r.Method == "GET");
        var played = engine.Url("/audio.mp3");
        Assert.Equal($"Play {played} {problem}", record.LastError);
        Assert.Contains($"Play {played} {problem}: skipped", record.Trail);
        Assert.Contains("Say (5 chars)", record.Trail);
        Assert.DoesNotContain(record.Trail, t => t.Contains("secret", StringComparison.Ordinal));
    }
}
