using System.Net.Http.Json;
using Dialer.Tests.Infrastructure;
using Dialer.TwilioSimulator.Faults;
using Dialer.TwilioSimulator.Hosting;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;
using static Dialer.Tests.Simulator.SimulatorTestKit;

namespace Dialer.Tests.Simulator;

/// <summary>Calls per second, the concurrent-request limit, and the faults a dialer must survive.</summary>
public sealed class RateLimitAndFaultTests
{
    static readonly PhoneNumber CallerId = new("+15559990000");
    static readonly Twiml Hold = new("<Response><Enqueue>hold</Enqueue></Response>");

    static PhoneNumber Customer(int i) => new($"+1555123{i:0000}");

    [Fact]
    public async Task Calls_over_the_accounts_rate_are_accepted_queued_and_start_in_their_turn()
    {
        await using var sim = await SimulatorHost.StartAsync(Fast(o => o.CallsPerSecond = 5));
        var twilio = sim.TwilioClient();

        var calls = new List<CallResource>();
        for (var i = 0; i < 3; i++) calls.Add(
            await CallResource.CreateAsync(Customer(i), CallerId, twiml: Hold, client: twilio));

        Assert.All(calls, c => Assert.Equal(CallResource.StatusEnum.Queued, c.Status));
        var queueTimes = calls.Select(c => int.Parse(c.QueueTime)).ToList();
        Assert.True(queueTimes[0] < 50, $"first call waited {queueTimes[0]} ms");
        Assert.InRange(queueTimes[2], 1, 400); // two turns of 200 ms, less the time the creates took
        await CallRestApiTests.WaitUntilAsync(() =>
            Task.FromResult(sim.Calls.Snapshot().All(r => r.AnsweredAt is not null)));
        var started = sim.Calls.Snapshot().Select(r => r.StartTime!.Value).ToList();
        Assert.True(started[2] - started[0] >= TimeSpan.FromMilliseconds(380),
            "the third call started before its turn");
    }

    [Fact]
    public async Task Too_many_requests_in_flight_get_20429_and_place_no_call()
    {
        await using var sim = await SimulatorHost.StartAsync(Fast(o => o.MaxConcurrentRequests = 2));
        var twilio = sim.TwilioClient();
        await CallResource.ReadAsync(client: twilio); // warm up, so that the six creates overlap
        sim.Faults.Apply(new FaultPatch(null, null, null, null, null, ApiLatencyMs: 800, null, null, null, null, null));

        var attempts = Enumerable.Range(0, 6).Select(async i =>
        {
            try
            {
                return (await CallResource.CreateAsync(Customer(i), CallerId, twiml: Hold, client: twilio)).Sid;
            }
            catch (ApiException e) when (e.Code == 20429 && e.Status == 429)
            {
                return null;
            }
        });
        var sids = await Task.WhenAll(attempts);

        var placed = sids.Where(s => s is not null).ToList();
        Assert.InRange(placed.Count, 1, 2);
        Assert.Equal(placed.Order(), sim.Calls.Snapshot().Select(r => r.Sid).Order());
    }

    [Fact]
    public async Task The_next_429s_and_500s_on_demand_surface_as_ApiExceptions_then_calls_go_through()
    {
        await using var sim = await SimulatorHost.StartAsync(Fast());
        sim.Faults.Apply(
            new FaultPatch(null, Error500Next: 1, null, null, Error429Next: 1, null, null, null, null, null, null));
        var twilio = sim.TwilioClient();

        var first = await Assert.ThrowsAsync<ApiException>(() =>
            CallResource.CreateAsync(Customer(1), CallerId, twiml: Hold, client: twilio));
        var second = await Assert.ThrowsAsync<ApiException>(() =>
            CallResource.CreateAsync(Customer(1), CallerId, twiml: Hold, client: twilio));
        var third = await CallResource.CreateAsync(Customer(1), CallerId, twiml: Hold, client: twilio);

        Assert.Equal((20429, 429), (first.Code, first.Status));
        Assert.Equal((20500, 500), (second.Code, second.Status));
        Assert.Equal(third.Sid, Assert.Single(sim.Calls.Snapshot()).Sid);
    }

    [Fact]
    public async Task Injected_401s_refuse_the_credentials_place_no_call_then_calls_go_through_once_cleared()
    {
        await using var sim = await SimulatorHost.StartAsync(Fast());
        sim.Faults.Apply(
            new FaultPatch(null, null, null, null, null, null, null, null, null, null, null, Error401Fraction: 1));
        var twilio = sim.TwilioClient();

        var refused = await Assert.ThrowsAsync<ApiException>(() =>
            CallResource.CreateAsync(Customer(4), CallerId, twiml: Hold, client: twilio));
        sim.Faults.Apply(
            new FaultPatch(null, null, null, null, null, null, null, null, null, null, null, Error401Fraction: 0,
                Error401Next: 1));
        await Assert.ThrowsAsync<ApiException>(() =>
            CallResource.CreateAsync(Customer(4), CallerId, twiml: Hold, client: twilio));
        var placed = await CallResource.CreateAsync(Customer(4), CallerId, twiml: Hold, client: twilio);

        Assert.Equal((20003, 401), (refused.Code, refused.Status));
        Assert.Equal(placed.Sid, Assert.Single(sim.Calls.Snapshot()).Sid);
    }

    [Fact]
    public async Task A_500_after_create_still_places_the_call_which_a_listing_finds()
    {
        await using var sim = await SimulatorHost.StartAsync(Fast());
        sim.Faults.Apply(
            new FaultPatch(null, Error500Next: 1, Error500AfterCreate: true, null, null, null, null, null, null, null,
                null));
        var twilio = sim.TwilioClient();
        var sent = DateTime.UtcNow.AddSeconds(-1);

        var error = await Assert.ThrowsAsync<ApiException>(() =>
            CallResource.CreateAsync(Customer(7), CallerId, twiml: Hold, client: twilio));
        var found = (await CallResource.ReadAsync(to: Customer(7), startTimeAfter: sent, client: twilio)).ToList();

        Assert.Equal(500, error.Status);
        Assert.Equal(Assert.Single(sim.Calls.Snapshot()).Sid, Assert.Single(found).Sid);
    }

    [Fact]
    public async Task A_held_create_times_out_at_the_client_while_the_call_goes_ahead()
    {
        await using var sim = await SimulatorHost.StartAsync(Fast());
        var twilio = sim.TwilioClient(timeout: TimeSpan.FromSeconds(2));
        await CallResource.ReadAsync(client: twilio); // warm up, so the timeout below strikes after the create is in
        sim.Faults.Apply(new FaultPatch(null, null, null, null, null, null, null, HoldCreateNext: 1, null, null, null));

        await Assert.ThrowsAsync<ApiConnectionException>(() =>
            CallResource.CreateAsync(Customer(3), CallerId, twiml: Hold, client: twilio));

        var record = Assert.Single(sim.Calls.Snapshot());
        await CallRestApiTests.WaitUntilAsync(() =>
            Task.FromResult(sim.Calls.Record(record.Sid)!.Status == "in-progress"));
        Assert.Contains("create response held back (fault)", record.Trail);
    }

    [Fact]
    public async Task Injected_create_errors_refuse_as_Twilio_would_and_place_no_call()
    {
        await using var sim = await SimulatorHost.StartAsync(Fast());
        var twilio = sim.TwilioClient();
        Task<CallResource> Create(int i) =>
            CallResource.CreateAsync(Customer(i), CallerId, twiml: Hold, client: twilio);
        using var http = new HttpClient { BaseAddress = sim.BaseAddress };
        (await http.PostAsJsonAsync("sim/faults", new
        {
            createError = new { status = 401, code = 20003 },
            createErrorsByNumber = new Dictionary<string, object>
            {
                ["+15551230002"] = new { status = 400, code = 21211 },
            },
        })).EnsureSuccessStatusCode();

        var account = await Assert.ThrowsAsync<ApiException>(() => Create(1));
        var number = await Assert.ThrowsAsync<ApiException>(() => Create(2));
        Assert.Equal((401, 20003, "Authenticate"), (account.Status, account.Code, account.Message));
        Assert.Equal((400, 21211), (number.Status, number.Code));
        Assert.Empty(sim.Calls.Snapshot());

        sim.Faults.Apply(SimFaults.Patch(createError: new InjectedError(0, 0))); // off; the number's error stays
        await Assert.ThrowsAsync<ApiException>(() => Create(2));
        var placed = await Create(1);
        Assert.Equal(placed.Sid, Assert.Single(sim.Calls.Snapshot()).Sid);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest,
            (await http.PostAsJsonAsync("sim/faults", new { createError = new { status = 500, code = 1 } }))
            .StatusCode);
    }

    [Fact]
    public async Task Faults_are_set_read_and_cleared_over_http()
    {
        await using var sim = await SimulatorHost.StartAsync(Fast());
        using var http = new HttpClient { BaseAddress = sim.BaseAddress };

        var set = await http.PostAsJsonAsync("sim/faults", new { duplicateCallbackFraction = 0.5, error500Next = 2 });
        var read = await http.GetFromJsonAsync<FaultSettings>("sim/faults");
        var invalid = await http.PostAsJsonAsync("sim/faults", new { reorderCallbackFraction = 3 });
        await http.DeleteAsync("sim/faults");

        set.EnsureSuccessStatusCode();
        Assert.Equal(0.5, read!.DuplicateCallbackFraction);
        Assert.Equal(2, read.Error500Next);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(new FaultSettings(), sim.Faults.Current);
    }
}
