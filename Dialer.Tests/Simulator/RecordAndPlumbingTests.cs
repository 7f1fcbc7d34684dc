using System.Net.Http.Json;
using Dialer.TwilioSimulator.Callbacks;
using Dialer.TwilioSimulator.Client;
using Dialer.TwilioSimulator.Hosting;
using Dialer.TwilioSimulator.Records;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Security;
using Twilio.Types;
using static Dialer.Tests.Simulator.SimulatorTestKit;

namespace Dialer.Tests.Simulator;

/// <summary>The call record over HTTP, the seeded mix, the signer and the base-address handler.</summary>
public sealed class RecordAndPlumbingTests
{
    static readonly PhoneNumber CallerId = new("+15559990000");

    [Fact]
    public async Task The_record_lists_every_call_filters_by_number_counts_by_status_and_resets()
    {
        await using var sim = await SimulatorHost.StartAsync(Fast());
        var twilio = sim.TwilioClient();
        var hold = new Twiml("<Response><Enqueue>hold</Enqueue></Response>");
        var first = await CallResource.CreateAsync(new PhoneNumber("+15551230001"), CallerId, twiml: hold,
            client: twilio);
        await CallResource.CreateAsync(new PhoneNumber("+15551230002"), CallerId, twiml: hold, client: twilio);
        using var http = new HttpClient { BaseAddress = sim.BaseAddress };

        var all = await http.GetFromJsonAsync<List<SimCallRecord>>("sim/calls");
        var one = await http.GetFromJsonAsync<List<SimCallRecord>>("sim/calls?to=%2B15551230001");
        var stats = await http.GetFromJsonAsync<SimStats>("sim/stats");
        (await http.DeleteAsync("sim/calls")).EnsureSuccessStatusCode();
        var after = await http.GetFromJsonAsync<List<SimCallRecord>>("sim/calls");

        Assert.Equal(2, all!.Count);
        Assert.Equal(first.Sid, Assert.Single(one!).Sid);
        Assert.Equal("+15559990000", one![0].From);
        Assert.Equal(2, stats!.Total);
        Assert.Empty(after!);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_outcomes_in_the_same_order()
    {
        async Task<List<string>> RunAsync()
        {
            await using var sim = await SimulatorHost.StartAsync(Fast(o =>
                o.Outcomes = new OutcomeMix { Human = 1, Machine = 1, Busy = 1, NoAnswer = 1, Failed = 1 }));
            var twilio = sim.TwilioClient();
            for (var i = 0; i < 20; i++)
                await CallResource.CreateAsync(new PhoneNumber($"+1555123{i:0000}"), CallerId,
                    twiml: new Twiml("<Response/>"), client: twilio);
            return sim.Calls.Snapshot().Select(r => r.PlannedOutcome).ToList();
        }

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.Equal(first, second);
        Assert.True(first.Distinct().Count() >= 3, "the mix should produce several outcomes");
    }

    [Theory]
    [InlineData("https://engine.example.com/webhooks/status?attempt=9b1c", true)]
    [InlineData("http://127.0.0.1:5002/webhooks/answer", true)]
    [InlineData("https://engine.example.com/webhooks/status?attempt=9b1c&x=a%20b", false)]
    public void Signatures_validate_with_the_Twilio_SDK(string url, bool post)
    {
        var parameters = new Dictionary<string, string>
        {
            ["CallSid"] = "CA0123", ["CallStatus"] = "ringing", ["To"] = "+15551230001", ["Caller"] = "+15559990000",
            ["AccountSid"] = "AC00000000000000000000000000000001", ["SequenceNumber"] = "1",
            ["Timestamp"] = "Fri, 27 Nov 2026 00:00:00 +0000",
        };

        var signature = WebhookSigner.Sign("simulator-auth-token", url, post ? parameters : null);

        var validator = new RequestValidator("simulator-auth-token");
        Assert.True(validator.Validate(url, post ? parameters : new Dictionary<string, string>(), signature));
        Assert.False(
            validator.Validate(url + "&tampered=1", post ? parameters : new Dictionary<string, string>(), signature));
    }

    [Fact]
    public void The_base_address_handler_moves_twilio_hosts_only_and_keeps_path_and_query()
    {
        var handler = new TwilioBaseAddressHandler(new Uri("http://127.0.0.1:5090/prefix/"));

        Assert.Equal("http://127.0.0.1:5090/prefix/2010-04-01/Accounts/AC1/Calls.json?To=%2B1555",
            handler.Rewrite(new Uri("https://api.twilio.com/2010-04-01/Accounts/AC1/Calls.json?To=%2B1555"))
                .ToString());
        Assert.Equal("http://127.0.0.1:5090/prefix/v1/x",
            handler.Rewrite(new Uri("https://api.dublin.ie1.twilio.com/v1/x")).ToString());
        Assert.Equal("https://example.com/a", handler.Rewrite(new Uri("https://example.com/a")).ToString());
    }

    [Fact]
    public async Task Hundreds_of_calls_run_at_once_to_their_end()
    {
        await using var sim = await SimulatorHost.StartAsync(Fast(o =>
        {
            o.CallsPerSecond = 10_000;
            o.TalkTime = new DurationRange(50, 100);
            o.Outcomes = new OutcomeMix { Human = 6, Machine = 2, Busy = 1, NoAnswer = 0, Failed = 1 };
        }));
        await using var engine = await WebhookReceiver.StartAsync();
        engine.Twiml["/answer"] = "<Response><Pause length=\"5\"/><Say>Thanks</Say></Response>";
        var twilio = sim.TwilioClient();

        await Task.WhenAll(Enumerable.Range(0, 300).Select(i =>
            CallResource.CreateAsync(new PhoneNumber($"+1555200{i:0000}"), CallerId,
                url: new Uri(engine.Url("/answer")),
                statusCallback: new Uri(engine.Url("/status")), client: twilio)));
        await engine.WaitForAsync(r => r.Count(w => w.Path == "/status") == 300, TimeSpan.FromSeconds(20));

        var stats = sim.Calls.Stats();
        Assert.Equal(300, stats.Total);
        Assert.Equal(300, stats.ByStatus.Where(s => s.Key is "completed" or "busy" or "failed").Sum(s => s.Value));
    }
}
