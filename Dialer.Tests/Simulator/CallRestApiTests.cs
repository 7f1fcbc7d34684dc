using Dialer.TwilioSimulator.Hosting;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;
using static Dialer.Tests.Simulator.SimulatorTestKit;

namespace Dialer.Tests.Simulator;

/// <summary>The simulator's Call resource, driven through the real Twilio SDK 8.2.0.</summary>
public sealed class CallRestApiTests
{
    static readonly PhoneNumber Customer = new("+15551230001");
    static readonly PhoneNumber CallerId = new("+15559990000");
    const string Waits = "<Response><Enqueue>hold</Enqueue></Response>";

    [Fact]
    public async Task A_created_call_comes_back_queued_with_Twilios_shape_and_is_fetched_by_sid()
    {
        await using var sim = await SimulatorHost.StartAsync(Fast());
        var twilio = sim.TwilioClient();

        var created = await CallResource.CreateAsync(Customer, CallerId, twiml: new Twiml(Waits), client: twilio);

        Assert.StartsWith("CA", created.Sid);
        Assert.Equal(34, created.Sid.Length);
        Assert.Equal(CallResource.StatusEnum.Queued, created.Status);
        Assert.Equal(sim.Options.AccountSid, created.AccountSid);
        Assert.Equal("+15551230001", created.To);
        Assert.Equal("+15559990000", created.From);
        Assert.Equal("outbound-api", created.Direction);
        Assert.Equal("2010-04-01", created.ApiVersion);
        Assert.Equal($"/2010-04-01/Accounts/{sim.Options.AccountSid}/Calls/{created.Sid}.json", created.Uri);
        Assert.NotNull(created.DateCreated);

        var fetched = await CallResource.FetchAsync(created.Sid, client: twilio);
        Assert.Equal(created.Sid, fetched.Sid);
        Assert.Single(sim.Calls.Snapshot(), r => r.Sid == created.Sid && r.To == "+15551230001");
    }

    [Fact]
    public async Task Hanging_up_a_live_call_through_update_completes_it()
    {
        await using var sim = await SimulatorHost.StartAsync(Fast());
        var twilio = sim.TwilioClient();
        var call = await CallResource.CreateAsync(Customer, CallerId, twiml: new Twiml(Waits), client: twilio);
        await WaitUntilAsync(async () =>
            (await CallResource.FetchAsync(call.Sid, client: twilio)).Status == CallResource.StatusEnum.InProgress);

        var updated = await CallResource.UpdateAsync(call.Sid, status: CallResource.UpdateStatusEnum.Completed,
            client: twilio);

        Assert.Equal(CallResource.StatusEnum.Completed, updated.Status);
        Assert.NotNull(updated.StartTime);
        Assert.NotNull(updated.EndTime);
        var record = sim.Calls.Record(call.Sid)!;
        Assert.Equal("completed", record.Status);
        Assert.Equal("hold", record.Queue);
    }

    [Fact]
    public async Task Canceling_a_call_that_still_rings_ends_it_canceled()
    {
        await using var sim = await SimulatorHost.StartAsync(Fast(o => o.RingTime = new DurationRange(5_000, 5_000)));
        var twilio = sim.TwilioClient();
        var call = await CallResource.CreateAsync(Customer, CallerId, twiml: new Twiml(Waits), client: twilio);
        await WaitUntilAsync(async () =>
            (await CallResource.FetchAsync(call.Sid, client: twilio)).Status == CallResource.StatusEnum.Ringing);

        var updated = await CallResource.UpdateAsync(call.Sid, status: CallResource.UpdateStatusEnum.Canceled,
            client: twilio);

        Assert.Equal(CallResource.StatusEnum.Canceled, updated.Status);
    }

    [Theory]
    [InlineData("5551230001", "+15559990000", 21211)]
    [InlineData("+15551230001", "not-a-number", 21212)]
    public async Task Invalid_numbers_are_refused_with_Twilios_codes(string to, string from, int code)
    {
        await using var sim = await SimulatorHost.StartAsync(Fast());

        var error = await Assert.ThrowsAsync<ApiException>(() =>
            CallResource.CreateAsync(new PhoneNumber(to), new PhoneNumber(from),
                url: new Uri("http://127.0.0.1:9/answer"),
                client: sim.TwilioClient()));

        Assert.Equal(code, error.Code);
        Assert.Equal(400, error.Status);
        Assert.Empty(sim.Calls.Snapshot());
    }

    [Fact]
    public async Task An_unknown_call_is_20404()
    {
        await using var sim = await SimulatorHost.StartAsync(Fast());

        var error = await Assert.ThrowsAsync<ApiException>(() =>
            CallResource.FetchAsync("CA00000000000000000000000000000000", client: sim.TwilioClient()));

        Assert.Equal(20404, error.Code);
        Assert.Equal(404, error.Status);
    }

    [Fact]
    public async Task A_wrong_auth_token_is_20003()
    {
        await using var sim = await SimulatorHost.StartAsync(Fast());

        var error = await Assert.ThrowsAsync<ApiException>(() =>
            CallResource.CreateAsync(Customer, CallerId, twiml: new Twiml(Waits),
                client: sim.TwilioClient(authToken: "wrong-token-here")));

        Assert.Equal(20003, error.Code);
        Assert.Equal(401, error.Status);
    }

    [Fact]
    public async Task Listing_calls_to_a_number_since_a_time_finds_the_calls_placed_to_it()
    {
        await using var sim = await SimulatorHost.StartAsync(Fast());
        var twilio = sim.TwilioClient();
        var since = DateTime.UtcNow.AddMinutes(-1);
        var first = await CallResource.CreateAsync(Customer, CallerId, twiml: new Twiml(Waits), client: twilio);
        await CallResource.CreateAsync(new PhoneNumber("+15551230002"), CallerId, twiml: new Twiml(Waits),
            client: twilio);

        var toCustomer = (await CallResource.ReadAsync(to: Customer, startTimeAfter: since, client: twilio)).ToList();
        var later = (await CallResource.ReadAsync(to: Customer, startTimeAfter: DateTime.UtcNow.AddMinutes(5),
            client: twilio)).ToList();

        Assert.Equal(first.Sid, Assert.Single(toCustomer).Sid);
        Assert.Empty(later);
    }

    internal static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition never held");
            await Task.Delay(10);
        }
    }
}
