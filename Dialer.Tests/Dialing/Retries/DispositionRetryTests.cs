using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dialer.Core.Agents;
using Dialer.Core.Auth;
using Dialer.Core.Contacts;
using Dialer.Core.Dialing;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Dialing.Retries;

/// <summary>The campaign's per-disposition rules, through the agent console's disposition route.</summary>
[Collection(ApiCollection.Name)]
public sealed class DispositionRetryTests(ApiFactory api)
{
    static readonly JsonNode Rules = JsonNode.Parse("""
        [{"disposition":"no-sale","retry":"never"},
         {"disposition":"busy-signal","retry":"after","delayMinutes":30,"maxRetries":2}]
        """)!;

    [Fact]
    public async Task A_no_sale_closes_the_contact_for_good()
    {
        var (agent, attemptId, contactId) = await CallInWrapUpAsync("+14155550131", attempts: 1);

        await DisposeAsync(agent, attemptId, "no-sale");

        await using var db = api.Database.CreateDb();
        var contact = await db.Contacts.SingleAsync(c => c.Id == contactId);
        Assert.Equal((ContactStatus.Done, null), (contact.Status, contact.NextAttemptAt));
    }

    [Fact]
    public async Task A_busy_signal_disposition_tries_the_contact_again_in_its_minutes_up_to_its_count()
    {
        var (agent, attemptId, contactId) = await CallInWrapUpAsync("+14155550132", attempts: 1);
        var before = DateTimeOffset.UtcNow;

        await DisposeAsync(agent, attemptId, "busy-signal");

        await using (var db = api.Database.CreateDb())
        {
            var contact = await db.Contacts.SingleAsync(c => c.Id == contactId);
            Assert.Equal((ContactStatus.Pending, DialPriority.Retry), (contact.Status, contact.Priority));
            Assert.InRange(contact.NextAttemptAt!.Value, before.AddMinutes(30), DateTimeOffset.UtcNow.AddMinutes(30));
        }

        // two busy signals already: the third closes the contact
        var (agent3, third, thirdContact) = await CallInWrapUpAsync("+14155550133", attempts: 3,
            earlierDispositions: ["busy-signal", "busy-signal"]);
        await DisposeAsync(agent3, third, "busy-signal");
        await using var check = api.Database.CreateDb();
        Assert.Equal(ContactStatus.Done, (await check.Contacts.SingleAsync(c => c.Id == thirdContact)).Status);
    }

    [Fact]
    public async Task A_disposition_without_a_rule_keeps_today_s_behaviour()
    {
        var (agent, attemptId, contactId) = await CallInWrapUpAsync("+14155550134", attempts: 1);

        await DisposeAsync(agent, attemptId, "sale");

        await using var db = api.Database.CreateDb();
        Assert.Equal(ContactStatus.Done, (await db.Contacts.SingleAsync(c => c.Id == contactId)).Status);
    }

    static async Task DisposeAsync(HttpClient agent, Guid attemptId, string disposition) =>
        (await agent.PostAsJsonAsync($"/api/agent-console/calls/{attemptId}/disposition", new { disposition }))
        .EnsureSuccessStatusCode();

    /// <summary>A campaign with the rules, and a call its new agent took that has ended (its contact done, as the
    /// call's end left it), the agent wrapping up.</summary>
    async Task<(HttpClient Agent, Guid AttemptId, long ContactId)> CallInWrapUpAsync(string phone, int attempts,
        string[]? earlierDispositions = null)
    {
        var body = ApiCalls.ValidCampaign();
        body["dispositions"] = JsonNode.Parse("""["sale","no-sale","busy-signal","callback","do-not-call"]""");
        body["dispositionRules"] = Rules.DeepClone();
        var campaignId = await api.ClientAs(Role.Marketer).CreateCampaignAsync(body);
        var created = await (await api.ClientAs(Role.Admin).PostAsJsonAsync("/api/users",
            new { name = "Agent " + Guid.NewGuid().ToString("N")[..6], role = "agent" })).ReadJsonAsync();
        var agent = api.Anonymous();
        agent.DefaultRequestHeaders.Add("X-Api-Key", created["apiKey"]!.GetValue<string>());
        var agentId = created["agentId"]!.GetValue<Guid>();

        await using var db = api.Database.CreateDb();
        var now = DateTimeOffset.UtcNow;
        var contact = new Contact
        {
            CampaignId = campaignId, Phone = phone, TimeZones = ["America/Chicago"], Status = ContactStatus.Done,
            Attempts = attempts, CreatedAt = now,
        };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        foreach (var (d, i) in (earlierDispositions ?? []).Select((d, i) => (d, i)))
            db.CallAttempts.Add(Talked(campaignId, contact.Id, now.AddHours(-i - 1), agentId, d));
        var attempt = Talked(campaignId, contact.Id, now, agentId, null);
        db.CallAttempts.Add(attempt);
        var row = await db.Agents.SingleAsync(a => a.Id == agentId);
        (row.State, row.StateSince, row.CurrentAttemptId, row.CampaignIds) =
            (AgentState.WrapUp, now, attempt.Id, [campaignId]);
        (row.LineState, row.LineCallSid) = (Core.Agents.Lines.LineState.Open, "CA" + Guid.NewGuid().ToString("N"));
        await db.SaveChangesAsync();
        return (agent, attempt.Id, contact.Id);
    }

    static CallAttempt Talked(Guid campaignId, long contactId, DateTimeOffset endedAt, Guid agentId,
        string? disposition)
    {
        var a = CallAttempt.Create(campaignId, contactId, endedAt.AddMinutes(-2));
        (a.State, a.Outcome, a.AnsweredAt, a.BridgedAt, a.EndedAt, a.AgentId, a.LiveAnswer, a.Disposition) =
            (AttemptState.Completed, "completed", endedAt.AddMinutes(-1), endedAt.AddMinutes(-1), endedAt, agentId,
                true, disposition);
        return a;
    }
}
