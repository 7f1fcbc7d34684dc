using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dialer.Core.Auth;
using Dialer.Core.Compliance;
using Dialer.Core.Contacts;
using Dialer.Tests.Infrastructure;
using static Dialer.Tests.Marketers.MarketersKit;

namespace Dialer.Tests.Marketers;

[Collection(ApiCollection.Name)]
public sealed class PrelaunchTests(ApiFactory api)
{
    readonly HttpClient _marketer = api.ClientAs(Role.Marketer);

    /// <summary>A campaign calling 09:00-12:00 every day, with one contact of each kind the check tells
    /// apart.</summary>
    async Task<Guid> CampaignWithEveryKindOfContactAsync()
    {
        var body = ApiCalls.ValidCampaign("Prelaunch " + Guid.NewGuid());
        body["callingWindow"] = JsonNode.Parse("""
            {"start":"09:00:00","end":"12:00:00",
             "days":["sunday","monday","tuesday","wednesday","thursday","friday","saturday"]}
            """);
        var id = await _marketer.CreateCampaignAsync(body);
        string open = ZoneWhereHourIs(10), beforeOpening = ZoneWhereHourIs(3), afterClosing = ZoneWhereHourIs(14);
        var listed = ContactIn(id, open);
        await using var db = api.Database.CreateDb();
        db.Contacts.AddRange(
            ContactIn(id, open),
            ContactIn(id, open),
            ContactIn(id, beforeOpening),
            ContactIn(id, afterClosing),
            ContactIn(id),
            ContactIn(id, "Etc/GMT+5", "Etc/GMT-9"), // 14 hours apart: a 3-hour window never opens in both
            listed,
            Suppressed(ContactIn(id, open)),
            Exhausted(ContactIn(id, open)),
            Finished(ContactIn(id, open)));
        db.DoNotCall.Add(new DoNotCallEntry { Phone = listed.Phone, AddedAt = DateTimeOffset.UtcNow, Reason = "test" });
        await db.SaveChangesAsync();
        return id;
    }

    static Contact Suppressed(Contact c) { c.Status = ContactStatus.Suppressed; return c; }
    static Contact Exhausted(Contact c) { c.Attempts = 5; return c; }
    static Contact Finished(Contact c) { c.Status = ContactStatus.Done; c.Attempts = 1; return c; }

    [Fact]
    public async Task The_check_groups_contacts_into_now_later_today_later_and_never_with_reasons()
    {
        var id = await CampaignWithEveryKindOfContactAsync();

        var report = await _marketer.GetJsonAsync($"/api/campaigns/{id}/prelaunch");

        Assert.Equal(10, report["total"]!.GetValue<int>());
        Assert.Equal(2, report["now"]!["count"]!.GetValue<int>());
        Assert.Equal(1, report["laterToday"]!["count"]!.GetValue<int>());
        var opening = report["laterToday"]!["firstOpening"]!.GetValue<DateTimeOffset>();
        Assert.InRange(opening - DateTimeOffset.UtcNow, TimeSpan.FromHours(5), TimeSpan.FromHours(6.1));
        Assert.Equal(1, report["later"]!["count"]!.GetValue<int>());
        var never = report["never"]!;
        Assert.Equal(6, never["count"]!.GetValue<int>());
        var reasons = never["reasons"]!.AsObject().ToDictionary(r => r.Key, r => r.Value!.GetValue<int>());
        Assert.Equal(new Dictionary<string, int>
        {
            ["do-not-call"] = 2, ["zone-unknown"] = 1, ["no-common-calling-hours"] = 1, ["attempts-exhausted"] = 1,
            ["finished"] = 1,
        }, reasons);
        var problems = report["problems"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
        Assert.Contains(problems, p => p.StartsWith("6 of 10 contacts will never be called"));
    }

    [Fact]
    public async Task An_empty_campaign_says_so()
    {
        var id = await _marketer.CreateCampaignAsync(ApiCalls.ValidCampaign("Empty " + Guid.NewGuid()));
        var report = await _marketer.GetJsonAsync($"/api/campaigns/{id}/prelaunch");
        Assert.Equal(0, report["total"]!.GetValue<int>());
        Assert.Contains("no contacts", report["problems"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task The_forecast_answers_each_mode_in_a_few_seconds()
    {
        var id = await CampaignWithEveryKindOfContactAsync();
        var clock = Stopwatch.StartNew();

        var response = await _marketer.PostAsJsonAsync($"/api/campaigns/{id}/forecast",
            new { agents = 10, answerRate = 0.3, talkSeconds = 120, wrapSeconds = 20 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // a gross-regression bound only: speed is measured by benchmarks, and this machine is shared and noisy
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
        var forecast = await response.ReadJsonAsync();
        Assert.Equal(4, forecast["callableContacts"]!.GetValue<int>());
        var modes = forecast["modes"]!.AsArray();
        Assert.Equal(["progressive", "power", "predictive"], modes.Select(m => m!["mode"]!.GetValue<string>()));
        foreach (var m in modes)
        {
            Assert.InRange(m!["occupancy"]!.GetValue<double>(), 0.05, 1);
            Assert.InRange(m["abandonRate"]!.GetValue<double>(), 0, 0.2);
            var perHour = m["contactsPerHour"]!.GetValue<double>();
            Assert.True(perHour > 0);
            Assert.Equal(Math.Round(4 / perHour, 2), m["hoursToFinish"]!.GetValue<double>(), 2);
        }
        Assert.Equal(0, modes[0]!["abandonRate"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_forecast_without_agents_is_a_400_naming_agents()
    {
        var id = await _marketer.CreateCampaignAsync(ApiCalls.ValidCampaign("Forecast " + Guid.NewGuid()));
        var response = await _marketer.PostAsJsonAsync($"/api/campaigns/{id}/forecast",
            new { agents = 0, answerRate = 2 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("agents") && errors.ContainsKey("answerRate"));
    }

    [Theory]
    [InlineData("hangUp", false, true)]
    [InlineData("voicemailDrop", false, true)]
    [InlineData("voicemailDrop", true, false)]
    [InlineData("noDetection", false, false)]
    public async Task Detection_that_keeps_people_waiting_in_silence_is_a_problem_before_launch(string machines, bool background, bool warned)
    {
        var body = ApiCalls.ValidCampaign("Detection " + Guid.NewGuid());
        body["machineHandling"] = machines;
        body["asyncMachineDetection"] = background;
        body["voicemailMessage"] = "Please call us back.";
        var id = await _marketer.CreateCampaignAsync(body);

        var problems = (await _marketer.GetJsonAsync($"/api/campaigns/{id}/prelaunch"))["problems"]!.AsArray()
            .Select(p => p!.GetValue<string>());

        Assert.Equal(warned, problems.Any(p => p.Contains("waits in silence while detection listens")));
    }
}
