using System.Net;
using System.Net.Http.Json;
using Dialer.Core.CallerIds;
using Dialer.Core.Campaigns.Speech;
using Dialer.Core.Compliance;
using Dialer.TwilioSimulator.Numbers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dialer.Tests.CallerIds;

/// <summary>
/// A customer calls back the number they saw (the simulator places the inbound call to its voice URL, signed): they
/// hear who called, and the opt-out key puts their number on the do-not-call list, once however often pressed.
/// </summary>
public sealed class CallbackLineTests(CallerIdWorld world) : IClassFixture<CallerIdWorld>
{
    const string Customer = "+12125553000";

    async Task<Dialer.TwilioSimulator.Records.SimCallRecord> CallBackAsync(string? digits)
    {
        var call = world.Simulator.Services.GetRequiredService<Dialer.TwilioSimulator.Calls.CallDesk>()
            .Receive(Customer, CallerIdWorld.NewYork, world.Worker.PublicUrl + "/twilio/callback-line", digits);
        return await world.Simulator.WaitForEndAsync(call.Sid, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task The_caller_hears_who_called_and_the_opt_out_key_puts_the_number_on_the_list_once()
    {
        var campaign = await world.CampaignAsync(new CallerIdPool { Numbers = [CallerIdWorld.NewYork] }, Customer);
        var dialed = await world.DialOneAsync(campaign);
        Assert.Equal(CallerIdWorld.NewYork, dialed!.CallerId);

        var silent = await CallBackAsync(digits: null);
        var spoken = SpokenText.Of(campaign.Settings with { CallerId = CallerIdWorld.NewYork },
            campaign.Settings.CallerIds.CallbackMessage);
        Assert.Contains($"Say ({spoken.Length} chars)", silent.Trail);
        Assert.Null(silent.LastError);
        await using (var db = world.Db()) Assert.False(await db.DoNotCall.AnyAsync(d => d.Phone == Customer));

        var pressed = await CallBackAsync(digits: "9");
        Assert.Contains(pressed.Trail, t => t.StartsWith("Gather pressed 9"));
        Assert.Null(pressed.LastError);
        await CallBackAsync(digits: "9");
        await using (var db = world.Db())
        {
            var entry = await db.DoNotCall.AsNoTracking().SingleAsync(d => d.Phone == Customer);
            Assert.Equal(DoNotCallSources.CallbackLine, entry.Source);
            Assert.Null(entry.CampaignId); // the campaign's do-not-call disposition is global
            var contact = await db.Contacts.AsNoTracking().SingleAsync(c => c.CampaignId == campaign.Id);
            Assert.Equal(Dialer.Core.Contacts.ContactStatus.Suppressed, contact.Status);
        }
    }

    [Fact]
    public async Task The_simulators_inbound_call_route_rings_the_numbers_voice_url()
    {
        using var http = new HttpClient { BaseAddress = world.Simulator.BaseAddress };
        var placed = await http.PostAsJsonAsync("/sim/inbound-calls",
            new NumbersApi.InboundCall("+12125553001", CallerIdWorld.NewYork, null));
        placed.EnsureSuccessStatusCode();
        var sid = (await placed.Content.ReadFromJsonAsync<NumbersApi.InboundCallPlaced>())!.Sid;
        var record = await world.Simulator.WaitForEndAsync(sid, TimeSpan.FromSeconds(30));
        Assert.Contains(record.Trail, t => t.Contains("/twilio/callback-line"));
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsJsonAsync("/sim/inbound-calls",
            new NumbersApi.InboundCall("+12125553001", CallerIdWorld.Foreign, null))).StatusCode);
    }

    [Fact]
    public async Task An_unsigned_call_to_the_callback_line_is_refused()
    {
        using var http = new HttpClient();
        var response = await http.PostAsync(world.Worker.PublicUrl + "/twilio/callback-line",
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["From"] = Customer, ["To"] = CallerIdWorld.NewYork, ["CallSid"] = "CA" + new string('0', 32),
            }));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
