using System.Net;
using System.Net.Http.Json;
using Dialer.Core.Agents;
using Dialer.Core.Agents.Lines;
using Dialer.Core.Campaigns;
using Dialer.Core.Compliance;
using Dialer.Core.Contacts;
using Dialer.Core.Dialing;
using Dialer.Core.Pacing;
using Dialer.Core.Scheduling;
using Dialer.Tests.Infrastructure;
using Dialer.TwilioSimulator.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dialer.Tests.Preview;

public sealed class PreviewDialTests(PreviewWorld world) : IClassFixture<PreviewWorld>
{
    static async Task<long> ClaimAsync(PreviewAgent agent) =>
        (await (await agent.Client.PostAsync("/api/agent-console/preview", null))
            .ReadJsonAsync())["contactId"]!.GetValue<long>();

    static async Task<Guid> DialAsync(PreviewAgent agent, long contactId)
    {
        var response = await agent.Client.PostAsJsonAsync("/api/agent-console/preview/dial", new { contactId });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.ReadJsonAsync())["attemptId"]!.GetValue<Guid>();
    }

    [Fact]
    public async Task Dial_places_exactly_one_call_and_the_answer_is_bridged_to_the_agent_who_dialed_it()
    {
        var (campaign, contacts) = await world.PreviewCampaignAsync(1);
        // the router's pick, were it routing
        var longestIdle = await world.AvailableAgentAsync([campaign.Id], TimeSpan.FromMinutes(10));
        var agent = await world.AgentWithKeyAsync(campaign.Id);
        var contactId = await ClaimAsync(agent);

        var attemptId = await DialAsync(agent, contactId);

        var attempt = (await world.WaitForAttemptsAsync([attemptId], a => a.IsFinal))[0];
        Assert.Equal((AttemptState.Completed, agent.Id, true, false),
            (attempt.State, attempt.AgentId, attempt.LiveAnswer, attempt.Abandoned));
        Assert.NotNull(attempt.BridgedAt);
        var call = Assert.Single(world.Simulator.Calls.Snapshot(contacts[0].Phone));
        Assert.Equal(agent.Identity, call.Agent);
        var room = world.Simulator.Conferences.Find(attempt.ConferenceSid!)!;
        Assert.Equal(AgentRoom.NameOf(agent.Id), room.Name);
        // the agent heard it ring
        Assert.Contains(room.HearingHistory, h => h.Why == "early media: ringing from " + call.Sid);
        Assert.True(attempt.BridgedAt - attempt.AnsweredAt < TimeSpan.FromMilliseconds(500),
            $"answered {attempt.AnsweredAt:O}, bridged {attempt.BridgedAt:O}");
        var moves = (await world.MovesOfAsync(agent.Id)).SkipWhile(m => m.To != AgentState.Reserved).ToList();
        Assert.Equal([AgentState.Reserved, AgentState.OnCall, AgentState.WrapUp], moves.Select(m => m.To));
        Assert.Equal("preview dial", moves[0].Reason);
        Assert.DoesNotContain(await world.MovesOfAsync(longestIdle.Id), m => m.To == AgentState.Reserved);
        await using var db = world.Db();
        var contact = await db.Contacts.SingleAsync(c => c.Id == contactId);
        Assert.Equal((1, null), (contact.Attempts, contact.HeldByAgentId));
        Assert.Equal(1, await db.CallAttempts.CountAsync(a => a.ContactId == contactId));
        Assert.Equal(HttpStatusCode.Conflict,
            (await agent.Client.PostAsJsonAsync("/api/agent-console/preview/dial", new { contactId })).StatusCode);
    }

    [Fact]
    public async Task A_busy_line_frees_the_agent_and_the_busy_retry_rule_applies()
    {
        var (campaign, contacts) = await world.PreviewCampaignAsync(1);
        var agent = await world.AgentWithKeyAsync(campaign.Id);
        var contactId = await ClaimAsync(agent);
        var outcomes = world.Simulator.Options.Outcomes;
        world.Simulator.Options.Outcomes = new OutcomeMix
        {
            Human = 0, Machine = 0, Busy = 1, NoAnswer = 0,
            Failed = 0
        };
        Guid attemptId;
        try
        {
            attemptId = await DialAsync(agent, contactId);
            await world.WaitForAttemptsAsync([attemptId], a => a.IsFinal);
        }
        finally
        {
            world.Simulator.Options.Outcomes = outcomes;
        }

        var back = await world.WaitForAgentAsync(agent.Id, a => a.State == AgentState.Available);
        Assert.Null(back.CurrentAttemptId);
        await using var db = world.Db();
        var attempt = await db.CallAttempts.SingleAsync(a => a.Id == attemptId);
        Assert.Equal((AttemptState.Busy, false, false), (attempt.State, attempt.LiveAnswer, attempt.Abandoned));
        var contact = await db.Contacts.SingleAsync(c => c.Id == contactId);
        Assert.Equal((ContactStatus.Pending, DialPriority.Retry, "busy"),
            (contact.Status, contact.Priority, contact.LastOutcome));
        Assert.InRange(contact.NextAttemptAt!.Value, DateTimeOffset.UtcNow.AddMinutes(13),
            DateTimeOffset.UtcNow.AddMinutes(16));
        Assert.Single(world.Simulator.Calls.Snapshot(contacts[0].Phone));
    }

    [Fact]
    public async Task The_dial_asks_the_permit_again_and_a_number_listed_meanwhile_is_never_called()
    {
        var (campaign, contacts) = await world.PreviewCampaignAsync(1);
        var agent = await world.AgentWithKeyAsync(campaign.Id);
        var contactId = await ClaimAsync(agent);
        await using (var db = world.Db())
        {
            db.DoNotCall.Add(
                new DoNotCallEntry
                {
                    Phone = contacts[0].Phone, Reason = "called in",
                    AddedAt = DateTimeOffset.UtcNow
                });
            await db.SaveChangesAsync();
        }

        var refused = await agent.Client.PostAsJsonAsync("/api/agent-console/preview/dial", new { contactId });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains(DialPermit.DoNotCall, (await refused.ReadJsonAsync())["detail"]!.GetValue<string>());
        await using var check = world.Db();
        Assert.Equal((ContactStatus.Suppressed, null),
            await check.Contacts.Where(c => c.Id == contactId)
            .Select(c => new ValueTuple<ContactStatus, Guid?>(c.Status, c.HeldByAgentId)).SingleAsync());
        Assert.False(await check.CallAttempts.AnyAsync(a => a.ContactId == contactId));
        Assert.Equal(AgentState.Available, (await world.AgentAsync(agent.Id)).State);
        Assert.Empty(world.Simulator.Calls.Snapshot(contacts[0].Phone));
    }

    [Fact]
    public async Task The_pacing_job_never_dials_a_preview_campaign_by_itself()
    {
        var (campaign, contacts) = await world.PreviewCampaignAsync(3);
        await world.AvailableAgentsAsync(campaign.Id, 3);
        using (var scope = world.Worker.Services.CreateScope())
        {
            var lifecycle = scope.ServiceProvider.GetRequiredService<CampaignLifecycle>();
            Assert.True((await lifecycle.ScheduledAsync(campaign.Id, (c, now) =>
                { c.Status = CampaignStatus.Draft; return c.TryStart(now) is null; }, "started", "test",
                    default)).Done);
        }

        await using var db = world.Db();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await db.PacingStates.AnyAsync(p => p.CampaignId == campaign.Id)
            && DateTime.UtcNow < deadline) await Task.Delay(200);
        await Task.Delay(3000); // a few more ticks

        var pacing = await db.PacingStates.AsNoTracking().SingleAsync(p => p.CampaignId == campaign.Id);
        Assert.Equal(DialingMode.Preview, pacing.Mode);
        Assert.Equal(0, pacing.LinesOpened);
        Assert.False(await db.CallAttempts.AnyAsync(a => a.CampaignId == campaign.Id));
        Assert.All(contacts, c => Assert.Empty(world.Simulator.Calls.Snapshot(c.Phone)));
        Assert.Equal(CampaignStatus.Running,
            (await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaign.Id)).Status);
    }
}
