using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;

namespace Dialer.Tests.CallerIds;

/// <summary>A launch asks Twilio (the simulator's IncomingPhoneNumbers, through the SDK) about each caller ID.
/// </summary>
public sealed class CallerIdLaunchTests(CallerIdWorld world) : IClassFixture<CallerIdWorld>
{
    async Task<HttpClient> MarketerAsync() =>
        world.Api.ClientWith((await world.Api.AddUserAsync(Role.Marketer, "marketer " + Guid.NewGuid())).Key);

    static JsonObject Campaign(params string[] pool) => new()
    {
        ["name"] = "pool " + Guid.NewGuid().ToString("N")[..6], ["callerId"] = CallerIdWorld.Default,
        ["callerIds"] = new JsonObject { ["numbers"] = new JsonArray([.. pool.Select(n => JsonValue.Create(n))]) },
    };

    [Fact]
    public async Task A_number_the_account_does_not_own_blocks_the_launch_with_a_reason_naming_it()
    {
        var marketer = await MarketerAsync();
        var id = await marketer.CreateCampaignAsync(Campaign(CallerIdWorld.NewYork, CallerIdWorld.Foreign));
        (await marketer.UploadCsvAsync(id, "phone\n+12125551000\n")).EnsureSuccessStatusCode();

        var start = await marketer.PostAsync($"/api/campaigns/{id}/start", null);
        Assert.Equal(HttpStatusCode.Conflict, start.StatusCode);
        var detail = (await start.ReadJsonAsync())["detail"]!.GetValue<string>();
        Assert.Contains(CallerIdWorld.Foreign, detail);
        Assert.DoesNotContain(CallerIdWorld.NewYork, detail);
        var prelaunch = await (await marketer.GetAsync($"/api/campaigns/{id}/prelaunch")).ReadJsonAsync();
        Assert.Contains(prelaunch["problems"]!.AsArray(), p => p!.GetValue<string>().Contains(CallerIdWorld.Foreign));
        var campaign = await (await marketer.GetAsync($"/api/campaigns/{id}")).ReadJsonAsync();
        Assert.Equal("Draft", campaign["status"]!.GetValue<string>(), ignoreCase: true);

        // without it, the campaign starts
        var edited = Campaign(CallerIdWorld.NewYork);
        edited["name"] = campaign["name"]!.GetValue<string>();
        (await marketer.PutAsJsonAsync($"/api/campaigns/{id}", edited)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await marketer.PostAsync($"/api/campaigns/{id}/start", null)).StatusCode);
        await marketer.PostAsync($"/api/campaigns/{id}/stop", null);
    }

    [Fact]
    public async Task A_number_without_voice_blocks_the_launch_too()
    {
        var numbers = world.Simulator.Numbers.Current;
        numbers.Owned.Add(new TwilioSimulator.Numbers.OwnedNumber { PhoneNumber = "+14155550177", Voice = false });
        world.Simulator.Numbers.Replace(numbers);
        var marketer = await MarketerAsync();
        var id = await marketer.CreateCampaignAsync(Campaign("+14155550177"));
        var start = await marketer.PostAsync($"/api/campaigns/{id}/start", null);
        Assert.Equal(HttpStatusCode.Conflict, start.StatusCode);
        Assert.Contains("+14155550177 cannot make voice calls",
            (await start.ReadJsonAsync())["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"numbers":["415-555-0100"]}""", "callerIds.numbers[0]")]
    [InlineData("""{"numbers":["+12125550100","+12125550100"]}""", "callerIds.numbers")]
    [InlineData("""{"numbers":[],"dailyCap":0}""", "callerIds.dailyCap")]
    [InlineData("""{"numbers":[],"restAfterCalls":2}""", "callerIds.restAfterCalls")]
    [InlineData("""{"numbers":[],"callbackMessage":""}""", "callerIds.callbackMessage")]
    [InlineData("null", "callerIds")]
    public async Task A_bad_pool_is_a_400_naming_the_field(string pool, string field)
    {
        var body = Campaign();
        body["callerIds"] = JsonNode.Parse(pool);
        var response = await (await MarketerAsync()).PostAsJsonAsync("/api/campaigns", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]![field]);
    }

    [Fact]
    public async Task A_pool_of_more_than_fifty_numbers_is_refused()
    {
        var body = Campaign([.. CallerIdWorld.Phones("+1212555", 51)]);
        var response = await (await MarketerAsync()).PostAsJsonAsync("/api/campaigns", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
