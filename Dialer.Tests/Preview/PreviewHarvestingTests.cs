using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Preview;

/// <summary>
/// Issue 15: an agent looping claim and skip must not read a whole contact list. Skips are capped per rolling hour
/// (counted in PostgreSQL, so every Api agrees), every card shown is logged for the campaign's managers, and the card
/// shows a masked number and only the custom fields the campaign lists.
/// </summary>
public sealed class PreviewHarvestingTests(PreviewWorld world) : IClassFixture<PreviewWorld>
{
    const string ClaimRoute = "/api/agent-console/preview", SkipRoute = "/api/agent-console/preview/skip";

    /// <summary>Another Api on the world's database, with a cap of three skips an hour.</summary>
    KestrelApi CappedApi()
    {
        var api = new KestrelApi(world.Database.ConnectionString, new Dictionary<string, string?>
        {
            ["RabbitMq:QueueExpirySeconds"] = "600", ["Preview:MaxSkipsPerHour"] = "3",
        });
        api.StartServer();
        return api;
    }

    static async Task<long> ClaimedAsync(HttpClient client)
    {
        var response = await client.PostAsync(ClaimRoute, null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync())["contactId"]!.GetValue<long>();
    }

    static async Task AssertTooManyAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.Zero;
        Assert.InRange(wait, TimeSpan.FromMinutes(55), TimeSpan.FromHours(1)); // the first skip leaves the hour then
        var problem = await response.ReadJsonAsync();
        Assert.Contains("passed over 3", problem["detail"]!.GetValue<string>());
        Assert.NotNull(problem["skipAgainAt"]);
    }

    [Fact]
    public async Task Skips_past_the_hourly_cap_get_429_with_retry_after_on_every_api_and_no_new_card_either()
    {
        var (campaign, _) = await world.PreviewCampaignAsync(6);
        var agent = await world.AgentWithKeyAsync(campaign.Id);
        await using var first = CappedApi();
        await using var second = CappedApi();
        HttpClient[] apis = [first.ClientWith(agent.Key), second.ClientWith(agent.Key)];

        for (var i = 0; i < 3; i++) // claim on one Api, skip on the other: the count is the database's
        {
            var contactId = await ClaimedAsync(apis[i % 2]);
            var skipped = await apis[(i + 1) % 2].PostAsJsonAsync(SkipRoute, new { contactId });
            Assert.Equal(HttpStatusCode.OK, skipped.StatusCode);
        }

        await AssertTooManyAsync(await apis[0].PostAsync(ClaimRoute, null));
        await AssertTooManyAsync(await apis[1].PostAsync(ClaimRoute, null));
        await using (var db = world.Db())
        {
            Assert.Equal(0, await db.Contacts.CountAsync(c => c.HeldByAgentId == agent.Id));
            // a card the agent held from before (as after a lowered cap): its skip is refused too, the hold stays
            var held = await db.Contacts.Where(c => c.CampaignId == campaign.Id && c.SkipCount == 0)
                .Select(c => c.Id).FirstAsync();
            await db.Contacts.Where(c => c.Id == held).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.HeldByAgentId, agent.Id)
                .SetProperty(c => c.HeldUntil, DateTimeOffset.UtcNow.AddMinutes(2)));
            await AssertTooManyAsync(await apis[1].PostAsJsonAsync(SkipRoute, new { contactId = held }));
            Assert.Equal(0, (await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == held)).SkipCount);

            // the hour rolls on: the skips leave the window and the agent may skip again
            await db.Database.ExecuteSqlAsync(
                $"UPDATE preview_cards SET ended_at = ended_at - interval '61 minutes' WHERE agent_id = {agent.Id}");
            var again = await apis[0].PostAsJsonAsync(SkipRoute, new { contactId = held });
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }
    }

    [Fact]
    public async Task Waiting_out_each_hold_counts_like_skipping()
    {
        var (campaign, _) = await world.PreviewCampaignAsync(5);
        var agent = await world.AgentWithKeyAsync(campaign.Id);
        await using var api = CappedApi();
        var client = api.ClientWith(agent.Key);

        for (var i = 0; i < 3; i++)
        {
            var contactId = await ClaimedAsync(client);
            await using var db = world.Db(); // the hold runs out
            await db.Contacts.Where(c => c.Id == contactId).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.HeldUntil, DateTimeOffset.UtcNow.AddSeconds(-1)));
        }

        await AssertTooManyAsync(await client.PostAsync(ClaimRoute, null));
    }

    [Fact]
    public async Task Every_card_shown_is_logged_and_only_the_campaigns_managers_read_the_log()
    {
        var (campaign, _) = await world.PreviewCampaignAsync(3);
        var agent = await world.AgentWithKeyAsync(campaign.Id);
        var other = await world.AgentWithKeyAsync(campaign.Id);
        var skipped = await ClaimedAsync(agent.Client);
        var skip = await agent.Client.PostAsJsonAsync(SkipRoute, new { contactId = skipped });
        Assert.Equal(HttpStatusCode.OK, skip.StatusCode);
        var dialed = await ClaimedAsync(agent.Client);
        var dial = await agent.Client.PostAsJsonAsync("/api/agent-console/preview/dial", new { contactId = dialed });
        Assert.Equal(HttpStatusCode.Accepted, dial.StatusCode);
        var open = await ClaimedAsync(other.Client);
        var manager = await world.UserAsync(Role.Manager);
        var log = $"/api/campaigns/{campaign.Id}/preview-cards";

        var page = await (await manager.GetAsync(log + "?pageSize=2")).ReadJsonAsync();
        var next = page["nextAfter"]!.GetValue<long>();
        var rest = await (await manager.GetAsync($"{log}?pageSize=2&after={next}")).ReadJsonAsync();

        var cards = page["items"]!.AsArray().Concat(rest["items"]!.AsArray()).Select(c => c!.AsObject()).ToList();
        Assert.Null(rest["nextAfter"]);
        Assert.Equal([skipped, dialed, open], cards.Select(c => c["contactId"]!.GetValue<long>()));
        Assert.Equal([agent.Id, agent.Id, other.Id], cards.Select(c => c["agentId"]!.GetValue<Guid>()));
        Assert.Equal(["skipped", "dialed", null], cards.Select(c => c["outcome"]?.GetValue<string>()));
        Assert.All(cards, c => Assert.InRange(c["shownAt"]!.GetValue<DateTimeOffset>(),
            DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Client.GetAsync(log)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await world.UserAsync(Role.Marketer)).GetAsync(log)).StatusCode);
        var tooBig = await manager.GetAsync(log + "?pageSize=501");
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.NotNull((await tooBig.ReadJsonAsync())["errors"]!["pageSize"]);
    }

    [Fact]
    public async Task The_card_shows_the_last_four_digits_and_only_the_fields_the_campaign_lists()
    {
        var (campaign, contacts) =
            await world.PreviewCampaignAsync(1, s => s with { AgentFields = ["plan", "renewal"] });
        await using (var db = world.Db())
            await db.Contacts.Where(c => c.Id == contacts[0].Id).ExecuteUpdateAsync(s => s.SetProperty(
                c => c.CustomFields,
                """{"plan":"gold","ssn":"078-05-1120","email":"grace@example.com","renewal":"2026-12-01"}"""));
        var agent = await world.AgentWithKeyAsync(campaign.Id);

        var claimed = await (await agent.Client.PostAsync(ClaimRoute, null)).ReadJsonAsync();
        var held = await (await agent.Client.GetAsync(ClaimRoute)).ReadJsonAsync();

        var phone = contacts[0].Phone;
        foreach (var card in new[] { claimed, held })
        {
            Assert.Equal(new string('*', phone.Length - 4) + phone[^4..], card["phone"]!.GetValue<string>());
            Assert.DoesNotContain(phone[1..^4], card.ToJsonString()); // the digits, wherever (JSON escapes the +)
            Assert.Equal(["plan", "renewal"], card["customFields"]!.AsObject().Select(f => f.Key));
            Assert.DoesNotContain("078-05-1120", card.ToJsonString());
        }
    }

    [Fact]
    public async Task The_fields_agents_may_see_are_bounded_and_a_bad_list_is_a_400_naming_it()
    {
        var marketer = await world.UserAsync(Role.Marketer);
        foreach (var fields in new[] { Enumerable.Range(0, 21).Select(i => $"f{i}").ToArray(), [new string('x', 65)],
                     [" "], ["plan", "Plan"] })
        {
            var body = ApiCalls.ValidCampaign("Fields " + Guid.NewGuid().ToString("N")[..6]);
            body["agentFields"] = new JsonArray([.. fields.Select(f => JsonValue.Create(f))]);
            var response = await marketer.PostAsJsonAsync("/api/campaigns", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.NotNull((await response.ReadJsonAsync())["errors"]!["agentFields"]);
        }
    }
}
