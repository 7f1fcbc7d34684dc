using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dialer.Core.Auth;
using Dialer.Core.Changes;
using Dialer.Core.Compliance;
using Dialer.Core.Contacts;
using Dialer.Core.Dialing;
using Dialer.Core.Preview;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Preview;

public sealed class PreviewClaimTests(PreviewWorld world) : IClassFixture<PreviewWorld>
{
    static async Task<JsonObject?> ClaimAsync(PreviewAgent agent)
    {
        var response = await agent.Client.PostAsync("/api/agent-console/preview", null);
        if (response.StatusCode == HttpStatusCode.NoContent) return null;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    static string ZoneWhereHourIs(int from, int to) =>
        TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId && z.Id.Contains('/'))
        .First(z => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, z).Hour >= from
            && TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, z).Hour < to).Id;

    [Fact]
    public async Task The_next_contact_is_never_one_on_the_do_not_call_list_or_outside_its_calling_hours()
    {
        var (campaign, contacts) = await world.PreviewCampaignAsync(3, s => s with { AgentFields = ["plan"] });
        var (listed, asleep, callable) = (contacts[0], contacts[1], contacts[2]);
        await using (var db = world.Db())
        {
            db.DoNotCall.Add(
                new DoNotCallEntry { Phone = listed.Phone, Reason = "asked", AddedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            await db.Contacts.Where(c => c.Id == asleep.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.TimeZones, new[] { ZoneWhereHourIs(0, 6) }));
            await db.Contacts.Where(c => c.Id == callable.Id).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Name, "Grace Hopper")
                    .SetProperty(c => c.CustomFields, """{"plan":"gold","note":"prefers mornings"}""")
                .SetProperty(c => c.Attempts, 1).SetProperty(c => c.LastOutcome, "no-answer"));
        }
        var agent = await world.AgentWithKeyAsync(campaign.Id);

        var card = await ClaimAsync(agent);

        Assert.NotNull(card);
        Assert.Equal(callable.Id, card["contactId"]!.GetValue<long>());
        Assert.Equal("Grace Hopper", card["name"]!.GetValue<string>());
        Assert.Equal("gold", card["customFields"]!["plan"]!.GetValue<string>());
        Assert.Equal((1, "no-answer"), (card["attempts"]!.GetValue<int>(), card["lastOutcome"]!.GetValue<string>()));
        Assert.Equal(callable.TimeZones[0], card["localTimes"]![0]!["zone"]!.GetValue<string>());
        Assert.True(card["heldUntil"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow.AddSeconds(60));
        // idempotent: the same contact again
        Assert.Equal(callable.Id, (await ClaimAsync(agent))!["contactId"]!.GetValue<long>());
        await using var check = world.Db();
        Assert.Equal(ContactStatus.Suppressed, (await check.Contacts.SingleAsync(c => c.Id == listed.Id)).Status);
        var waiting = await check.Contacts.SingleAsync(c => c.Id == asleep.Id);
        Assert.Equal((ContactStatus.Pending, null), (waiting.Status, waiting.HeldByAgentId));
        Assert.True(waiting.NextAttemptAt > DateTimeOffset.UtcNow.AddMinutes(30));
    }

    [Fact]
    public async Task Agents_claiming_at_the_same_moment_never_get_the_same_contact()
    {
        var (campaign, contacts) = await world.PreviewCampaignAsync(8);
        var agents = new List<PreviewAgent>();
        for (var i = 0; i < 6; i++) agents.Add(await world.AgentWithKeyAsync(campaign.Id));

        using var start = new SemaphoreSlim(0);
        var claims = agents.Select(async a => { await start.WaitAsync(); return await ClaimAsync(a); }).ToList();
        start.Release(agents.Count);
        var cards = await Task.WhenAll(claims);

        var ids = cards.Select(c => c!["contactId"]!.GetValue<long>()).ToList();
        Assert.Equal(agents.Count, ids.Distinct().Count());
        await using var db = world.Db();
        var held = await db.Contacts.Where(c => c.CampaignId == campaign.Id && c.HeldByAgentId != null).ToListAsync();
        Assert.Equal(agents.Count, held.Count);
        Assert.Equal(agents.Select(a => a.Id).Order(), held.Select(c => c.HeldByAgentId!.Value).Order());
        Assert.Equal(contacts.Count - agents.Count, (await ClaimsLeftAsync(campaign.Id)));
    }

    async Task<int> ClaimsLeftAsync(Guid campaignId)
    {
        await using var db = world.Db();
        return await db.Contacts.CountAsync(c =>
            c.CampaignId == campaignId && c.HeldByAgentId == null && c.Status == ContactStatus.Pending);
    }

    [Fact]
    public async Task Skip_lets_the_contact_go_says_why_and_offers_it_again_later()
    {
        var (campaign, _) = await world.PreviewCampaignAsync(2);
        var agent = await world.AgentWithKeyAsync(campaign.Id);
        var first = (await ClaimAsync(agent))!["contactId"]!.GetValue<long>();

        var skipped = await agent.Client.PostAsJsonAsync("/api/agent-console/preview/skip",
            new { contactId = first, reason = "asked for the owner, who is away" });
        Assert.Equal(HttpStatusCode.OK, skipped.StatusCode);
        var second = (await ClaimAsync(agent))!["contactId"]!.GetValue<long>();

        Assert.NotEqual(first, second);
        await using var db = world.Db();
        var contact = await db.Contacts.SingleAsync(c => c.Id == first);
        Assert.Equal((ContactStatus.Pending, null, 1, "asked for the owner, who is away", 0),
            (contact.Status, contact.HeldByAgentId, contact.SkipCount, contact.LastSkipReason, contact.Attempts));
        Assert.InRange(contact.NextAttemptAt!.Value, DateTimeOffset.UtcNow.AddMinutes(55),
            DateTimeOffset.UtcNow.AddMinutes(61));
        Assert.Equal(HttpStatusCode.Conflict,
            (await agent.Client.PostAsJsonAsync("/api/agent-console/preview/skip",
                new { contactId = first })).StatusCode);
    }

    [Fact]
    public async Task A_hold_that_runs_out_goes_back_to_the_other_agents()
    {
        var (campaign, contacts) = await world.PreviewCampaignAsync(1);
        var first = await world.AgentWithKeyAsync(campaign.Id);
        var second = await world.AgentWithKeyAsync(campaign.Id);
        var now = DateTimeOffset.UtcNow;
        var hold = TimeSpan.FromSeconds(30);

        await using var db = world.Db();
        var desk = new PreviewDesk(db, new ContactClaimer(db),
            new StateChanges(db, new OutboxSignal(), TimeProvider.System));
        Assert.Equal(contacts[0].Id, (await desk.ClaimAsync(first.Id, hold, 30, now, default)).Contact?.Id);
        Assert.Null((await desk.ClaimAsync(second.Id, hold, 30, now.AddSeconds(29), default)).Contact);

        var later = await desk.ClaimAsync(second.Id, hold, 30, now.AddSeconds(31), default);

        Assert.Equal(contacts[0].Id, later.Contact?.Id);
        Assert.Null((await desk.HeldByAsync(first.Id, now.AddSeconds(31), default)).Contact);
        Assert.Equal(contacts[0].Id, (await desk.HeldByAsync(second.Id, now.AddSeconds(31), default)).Contact?.Id);
    }

    [Fact]
    public async Task Only_agents_may_preview_and_bad_requests_name_the_field()
    {
        var (campaign, _) = await world.PreviewCampaignAsync(1);
        var marketer = await world.UserAsync(Role.Marketer);
        var manager = await world.UserAsync(Role.Manager);
        var agent = await world.AgentWithKeyAsync(campaign.Id);

        Assert.Equal(HttpStatusCode.Forbidden,
            (await marketer.PostAsync("/api/agent-console/preview", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await manager.PostAsJsonAsync("/api/agent-console/preview/dial", new { contactId = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await world.Api.ClientWith("not-a-key").PostAsync("/api/agent-console/preview", null)).StatusCode);
        var noContact = await agent.Client.PostAsJsonAsync("/api/agent-console/preview/dial", new { });
        Assert.Equal(HttpStatusCode.BadRequest, noContact.StatusCode);
        Assert.NotNull((await noContact.ReadJsonAsync())["errors"]!["contactId"]);
        var longReason = await agent.Client.PostAsJsonAsync("/api/agent-console/preview/skip",
            new { contactId = 1, reason = new string('x', 201) });
        Assert.NotNull((await longReason.ReadJsonAsync())["errors"]!["reason"]);
        await using var db = world.Db();
        Assert.Equal(0, await db.Contacts.CountAsync(c => c.CampaignId == campaign.Id && c.HeldByAgentId != null));
    }

    [Fact]
    public async Task An_agent_on_a_break_or_without_a_preview_campaign_is_told_why()
    {
        var (progressive, _) = await world.RunningCampaignAsync(1);
        var agent = await world.AgentWithKeyAsync(progressive.Id);

        var refused = await agent.Client.PostAsync("/api/agent-console/preview", null);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("preview campaign", (await refused.ReadJsonAsync())["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK,
            (await agent.Client.PostAsJsonAsync("/api/agent-console/break", new { reason = "coffee" })).StatusCode);
        Assert.Contains("Break",
            (await (await agent.Client.PostAsync("/api/agent-console/preview", null))
                .ReadJsonAsync())["detail"]!.GetValue<string>());
    }
}
