using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dialer.TwilioSimulator.Hosting;
using Microsoft.Extensions.Options;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;
using static Dialer.Tests.Simulator.SimulatorTestKit;

namespace Dialer.Tests.Simulator;

/// <summary>
/// The simulator refuses, through the real Twilio SDK, what Twilio's API description refuses, with Twilio's codes.
/// </summary>
public sealed class RequestValidationTests
{
    static readonly PhoneNumber Customer = new("+15551230001");
    static readonly PhoneNumber CallerId = new("+15559990000");
    static readonly Twiml Waits = new("<Response><Enqueue>hold</Enqueue></Response>");

    /// <summary>The account SID the defaults had before Twilio's description was checked: "simulator" is not hex.
    /// </summary>
    const string MalformedAccountSid = "ACsimulator00000000000000000000000";

    [Fact]
    public async Task A_malformed_account_sid_is_not_found_as_at_Twilio()
    {
        await using var sim = await SimulatorHost.StartAsync(Fast());
        var twilio = new TwilioRestClient(MalformedAccountSid, sim.Options.AuthToken,
            httpClient: new SystemNetHttpClient(sim.CreateTwilioHttpClient()));

        var error = await Assert.ThrowsAsync<ApiException>(() =>
            CallResource.CreateAsync(Customer, CallerId, twiml: Waits, client: twilio));

        Assert.Equal((404, 20404), (error.Status, error.Code));
        Assert.Contains($"/2010-04-01/Accounts/{MalformedAccountSid}/Calls.json", error.Message);
        Assert.Empty(sim.Calls.Snapshot());
    }

    [Fact]
    public async Task A_malformed_call_sid_is_not_found_and_a_status_Twilio_does_not_know_is_refused()
    {
        await using var sim = await SimulatorHost.StartAsync(Fast());
        var twilio = sim.TwilioClient();
        var call = await CallResource.CreateAsync(Customer, CallerId, twiml: Waits, client: twilio);

        var noCall = await Assert.ThrowsAsync<ApiException>(() => CallResource.FetchAsync("CA123", client: twilio));
        var badStatus = await Assert.ThrowsAsync<ApiException>(() =>
            CallResource.UpdateAsync(call.Sid, status: "busy", client: twilio));

        Assert.Equal((404, 20404), (noCall.Status, noCall.Code));
        Assert.Equal((400, 20001), (badStatus.Status, badStatus.Code));
        Assert.Contains("Status", badStatus.Message);
    }

    [Fact]
    public async Task A_json_body_gets_Twilios_error_shape_and_the_simulators_own_routes_are_not_checked()
    {
        await using var sim = await SimulatorHost.StartAsync(Fast());
        using var http = new System.Net.Http.HttpClient { BaseAddress = sim.BaseAddress };
        var credentials = System.Text.Encoding.UTF8.GetBytes($"{sim.Options.AccountSid}:{sim.Options.AuthToken}");
        http.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String(credentials));

        var json = await http.PostAsJsonAsync($"2010-04-01/Accounts/{sim.Options.AccountSid}/Calls.json",
            new { To = "+15551230001", From = "+15559990000" });
        var body = await json.Content.ReadFromJsonAsync<JsonElement>();
        var simulatorOwn = await http.GetAsync("sim/calls?anything=goes");

        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.Equal(19056, body.GetProperty("code").GetInt32());
        Assert.Equal(400, body.GetProperty("status").GetInt32());
        Assert.Equal("https://www.twilio.com/docs/errors/19056", body.GetProperty("more_info").GetString());
        Assert.Contains("application/x-www-form-urlencoded", body.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.OK, simulatorOwn.StatusCode);
    }

    [Fact]
    public async Task A_malformed_account_sid_in_the_settings_stops_the_simulator_at_start_naming_the_setting()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            SimulatorHost.StartAsync(Fast(o => o.AccountSid = MalformedAccountSid)));

        Assert.Contains("AccountSid", error.Message);
    }
}
