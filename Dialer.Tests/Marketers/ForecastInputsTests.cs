using System.Net;
using System.Net.Http.Json;
using Dialer.Core.Agents;
using Dialer.Core.Auth;
using Dialer.Core.Contacts;
using Dialer.Core.Dialing;
using Dialer.Tests.Infrastructure;
using static Dialer.Tests.Marketers.MarketersKit;

namespace Dialer.Tests.Marketers;

[Collection(ApiCollection.Name)]
public sealed class ForecastInputsTests(ApiFactory api)
{
    readonly HttpClient _marketer = api.ClientAs(Role.Marketer);

    async Task<Guid> CampaignAsync() =>
        await _marketer.CreateCampaignAsync(ApiCalls.ValidCampaign("Forecast inputs " + Guid.NewGuid()));

    [Fact]
    public async Task A_new_campaign_with_nobody_logged_in_uses_defaults_and_asks_for_an_agent_count()
    {
        var id = await CampaignAsync();

        var inputs = await _marketer.GetJsonAsync($"/api/campaigns/{id}/forecast/inputs");
        Assert.Equal((0, "logged-in"),
            (inputs["agents"]!["value"]!.GetValue<int>(), inputs["agents"]!["source"]!.GetValue<string>()));
        Assert.Equal((0.15, "default"),
            (inputs["answerRate"]!["value"]!.GetValue<double>(), inputs["answerRate"]!["source"]!.GetValue<string>()));

        var response = await _marketer.PostAsJsonAsync($"/api/campaigns/{id}/forecast", new { });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject();
        Assert.Contains("No agent is logged in", errors["agents"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_a_count_the_forecast_runs_with_the_agents_logged_in_to_the_campaign()
    {
        var id = await CampaignAsync();
        await using (var db = api.Database.CreateDb())
        {
            AgentIn(db, AgentState.Available, id);
            AgentIn(db, AgentState.Break, id, Guid.NewGuid());
            AgentIn(db, AgentState.OnCall, id);
            AgentIn(db, AgentState.Available, Guid.NewGuid()); // another campaign's
            AgentIn(db, AgentState.Offline); // logged out
            await db.SaveChangesAsync();
        }

        var forecast = await (await _marketer.PostAsJsonAsync($"/api/campaigns/{id}/forecast",
            new { answerRate = 0.3 })).ReadJsonAsync();

        Assert.Equal(3, forecast["agents"]!.GetValue<int>());
        Assert.Equal("logged-in", forecast["inputs"]!["agents"]!["source"]!.GetValue<string>());
        Assert.Equal((0.3, "given"),
            (forecast["answerRate"]!.GetValue<double>(),
                forecast["inputs"]!["answerRate"]!["source"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Answer_rate_talk_and_wrap_up_are_learned_from_the_campaigns_own_calls()
    {
        var id = await CampaignAsync();
        var start = DateTimeOffset.UtcNow.AddHours(-2);
        await using (var db = api.Database.CreateDb())
        {
            var contact = ContactIn(id, "America/New_York");
            contact.Status = ContactStatus.Done;
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
            // 200 dials: 50 people (40 talked 90 s then wrapped up in 12 s, 10 abandoned), 30 machines, 120 no answer
            for (var i = 0; i < 200; i++)
            {
                var dialed = start.AddSeconds(i * 20);
                var person = i < 50; var talked = i < 40; var machine = i is >= 50 and < 80;
                db.CallAttempts.Add(new CallAttempt
                {
                    Id = Guid.NewGuid(), CampaignId = id, ContactId = contact.Id, CreatedAt = dialed, DialedAt = dialed,
                    CallSid = "CA" + Guid.NewGuid().ToString("N"),
                    State = person || machine ? AttemptState.Completed : AttemptState.NoAnswer,
                    AnsweredAt = person || machine ? dialed.AddSeconds(8) : null,
                    AnsweredBy = person ? "human" : machine ? "machine_start" : null, LiveAnswer = person,
                    BridgedAt = talked ? dialed.AddSeconds(9) : null,
                    EndedAt = talked ? dialed.AddSeconds(99) : dialed.AddSeconds(30),
                    DispositionedAt = talked ? dialed.AddSeconds(111) : null, Disposition = talked ? "no-sale" : null,
                });
            }
            await db.SaveChangesAsync();
        }

        var inputs = await _marketer.GetJsonAsync($"/api/campaigns/{id}/forecast/inputs");

        Assert.Equal((0.25, "history", 200), Figure(inputs, "answerRate"));
        Assert.Equal((90.0, "history", 40), Figure(inputs, "talkSeconds"));
        Assert.Equal((12.0, "history", 40), Figure(inputs, "wrapSeconds"));
    }

    [Fact]
    public async Task Inputs_of_an_unknown_campaign_are_a_404() =>
        Assert.Equal(HttpStatusCode.NotFound,
            (await _marketer.GetAsync($"/api/campaigns/{Guid.NewGuid()}/forecast/inputs")).StatusCode);

    static (double, string, int) Figure(System.Text.Json.Nodes.JsonObject inputs, string name) =>
        (inputs[name]!["value"]!.GetValue<double>(), inputs[name]!["source"]!.GetValue<string>(),
            inputs[name]!["sample"]!.GetValue<int>());

    static void AgentIn(Core.Data.DialerDb db, AgentState state, params Guid[] campaigns) => db.Agents.Add(new Agent
    {
        Id = Guid.NewGuid(), Name = "forecast agent", ClientIdentity = "fc-" + Guid.NewGuid().ToString("N")[..10],
        State = state, StateSince = DateTimeOffset.UtcNow, CampaignIds = campaigns,
    });
}
