using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dialer.Core.Agents;
using Dialer.Core.Auth;
using Dialer.Core.Contacts;
using Dialer.Core.Dialing;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Agents;

[Collection(ApiCollection.Name)]
public sealed class AgentConsoleApiTests(ApiFactory api)
{
    [Fact]
    public async Task An_agent_logs_in_connects_a_line_takes_a_break_comes_back_and_logs_out_and_every_move_is_kept()
    {
        var campaign = await api.ClientAs(Role.Marketer).CreateCampaignAsync();
        var (agent, agentId) = await NewAgentAsync();
        await api.AssignAsync(campaign, agentId);

        var loggedIn = await (await agent.PostAsJsonAsync("/api/agent-console/login",
            new { campaignIds = new[] { campaign } })).ReadJsonAsync();
        Assert.Equal(("break", Agent.NoLineReason),
            (loggedIn["state"]!.GetValue<string>(), loggedIn["breakReason"]!.GetValue<string>()));
        var noLine = await agent.PostAsync("/api/agent-console/available", null);
        Assert.Equal(HttpStatusCode.Conflict, noLine.StatusCode);
        Assert.Contains("Connect your line", (await noLine.ReadJsonAsync())["detail"]!.GetValue<string>());

        var asked = await agent.PostAsJsonAsync("/api/agent-console/line", new { kind = "browser" });
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        Assert.Equal("Connecting", (await asked.ReadJsonAsync())["line"]!["state"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict,
            (await agent.PostAsJsonAsync("/api/agent-console/line", new { kind = "browser" })).StatusCode);
        await OpenLineAsIfTheRoomSaidSoAsync(agentId);
        var me = await (await agent.GetAsync("/api/agent-console/me")).ReadJsonAsync();
        Assert.Equal(("available", "Open"),
            (me["state"]!.GetValue<string>(), me["line"]!["state"]!.GetValue<string>()));

        var onBreak = await (await agent.PostAsJsonAsync("/api/agent-console/break", new { reason = "lunch" }))
            .ReadJsonAsync();
        Assert.Equal(("break", "lunch"),
            (onBreak["state"]!.GetValue<string>(), onBreak["breakReason"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsync("/api/agent-console/available", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsync("/api/agent-console/logout", null)).StatusCode);

        await using var db = api.Database.CreateDb();
        var moves = await db.AgentStateChanges.Where(m => m.AgentId == agentId).OrderBy(m => m.Id)
            .Select(m => new { m.From, m.To }).ToListAsync();
        Assert.Equal(
            [AgentState.Break, AgentState.Available, AgentState.Break, AgentState.Available, AgentState.Offline],
            moves.Select(m => m.To));
        Assert.Equal(AgentState.Offline, moves[0].From);
    }

    [Fact]
    public async Task A_line_request_names_its_bad_field_and_a_call_control_on_someone_elses_call_is_refused()
    {
        var (agent, _) = await NewAgentAsync();

        var badKind = await agent.PostAsJsonAsync("/api/agent-console/line", new { kind = "pigeon" });
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        Assert.NotNull((await badKind.ReadJsonAsync())["errors"]!["kind"]);
        foreach (var number in new[] { "12345", "+1 415 555", "not a number", new string('9', 40) })
        {
            var bad = await agent.PostAsJsonAsync("/api/agent-console/line", new { kind = "phone", address = number });
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.NotNull((await bad.ReadJsonAsync())["errors"]!["address"]);
        }
        Assert.Equal(HttpStatusCode.BadRequest,
            (await agent.PostAsJsonAsync("/api/agent-console/line",
                new { kind = "sip", address = "alice@example.com" })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted,
            (await agent.PostAsJsonAsync("/api/agent-console/line",
                new { kind = "phone", address = "+14155550123" })).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound,
            (await agent.PostAsync($"/api/agent-console/calls/{Guid.NewGuid()}/hangup", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await agent.PostAsJsonAsync($"/api/agent-console/calls/{Guid.NewGuid()}/digits",
                new { digits = "12;rm" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict,
            (await agent.PostAsJsonAsync("/api/agent-console/line/mute", new { muted = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await agent.DeleteAsync("/api/agent-console/line")).StatusCode);
        Assert.Equal("Dropped",
            (await (await agent.GetAsync("/api/agent-console/me"))
                .ReadJsonAsync())["line"]!["state"]!.GetValue<string>());
    }

    /// <summary>What the Worker does when the room reports the agent's line joined (no Worker in this Api-only
    /// test).</summary>
    async Task OpenLineAsIfTheRoomSaidSoAsync(Guid agentId)
    {
        await using var db = api.Database.CreateDb();
        var agent = await db.Agents.SingleAsync(a => a.Id == agentId);
        Assert.True(agent.LinePlaced(agent.LineRequestId!.Value, "CA" + Guid.NewGuid().ToString("N")));
        Assert.True(agent.LineOpened(agent.LineCallSid!, DateTimeOffset.UtcNow));
        db.AgentStateChanges.AddRange(agent.TakeMoves());
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Bad_requests_name_the_field_and_state_conflicts_say_why()
    {
        var (agent, _) = await NewAgentAsync();

        var unknown = await agent.PostAsJsonAsync("/api/agent-console/login",
            new { campaignIds = new[] { Guid.NewGuid() } });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.NotNull((await unknown.ReadJsonAsync())["errors"]!["campaignIds"]);
        var notLoggedIn = await agent.PostAsync("/api/agent-console/available", null);
        Assert.Equal(HttpStatusCode.Conflict, notLoggedIn.StatusCode);
        Assert.Contains("Log in", (await notLoggedIn.ReadJsonAsync())["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest,
            (await agent.PostAsJsonAsync("/api/agent-console/break", new { reason = "" })).StatusCode);
    }

    [Theory]
    [InlineData(Role.Admin)]
    [InlineData(Role.Marketer)]
    [InlineData(Role.Manager)]
    public async Task Other_roles_are_refused_the_agent_endpoints(Role role)
    {
        var client = api.ClientAs(role);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/agent-console/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await client.PostAsJsonAsync($"/api/agent-console/calls/{Guid.NewGuid()}/disposition",
                new { disposition = "sale" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous().GetAsync("/api/agent-console/me")).StatusCode);
    }

    [Fact]
    public async Task During_wrap_up_the_console_shows_the_contact_and_a_sale_frees_the_agent_as_a_conversion()
    {
        var (agent, agentId) = await NewAgentAsync();
        var (campaignId, attemptId, _) = await CallInWrapUpAsync(agentId, "+14155550111");

        var me = await agent.GetFromJsonAsync<JsonObject>("/api/agent-console/me");
        Assert.Equal("wrapUp", me!["state"]!.GetValue<string>());
        Assert.Equal("Ada Lovelace", me["call"]!["contact"]!["name"]!.GetValue<string>());
        Assert.Equal("gold", me["call"]!["contact"]!["customFields"]!["tier"]!.GetValue<string>());
        Assert.Equal(attemptId, me["call"]!["attemptId"]!.GetValue<Guid>());

        var result = await (await agent.PostAsJsonAsync($"/api/agent-console/calls/{attemptId}/disposition",
            new { disposition = "sale", notes = "two units" })).ReadJsonAsync();
        Assert.True(result["converted"]!.GetValue<bool>());
        Assert.Equal("available", result["agentState"]!.GetValue<string>());
        await using var db = api.Database.CreateDb();
        var attempt = await db.CallAttempts.SingleAsync(a => a.Id == attemptId);
        Assert.Equal(("sale", true, "two units"), (attempt.Disposition, attempt.Converted, attempt.DispositionNotes));
        Assert.Equal(HttpStatusCode.Conflict,
            (await agent.PostAsJsonAsync($"/api/agent-console/calls/{attemptId}/disposition",
                new { disposition = "no-sale" })).StatusCode);
        _ = campaignId;
    }

    [Fact]
    public async Task A_disposition_outside_the_campaign_s_list_is_400_and_another_agent_s_call_is_403()
    {
        var (agent, agentId) = await NewAgentAsync();
        var (other, _) = await NewAgentAsync();
        var (_, attemptId, _) = await CallInWrapUpAsync(agentId, "+14155550112");

        var bad = await agent.PostAsJsonAsync($"/api/agent-console/calls/{attemptId}/disposition",
            new { disposition = "maybe" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.NotNull((await bad.ReadJsonAsync())["errors"]!["disposition"]);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await other.PostAsJsonAsync($"/api/agent-console/calls/{attemptId}/disposition",
                new { disposition = "sale" })).StatusCode);
    }

    [Fact]
    public async Task Do_not_call_lists_the_number_at_once_and_suppresses_it_in_every_campaign()
    {
        const string phone = "+14155550113";
        var (agent, agentId) = await NewAgentAsync();
        var (_, attemptId, contactId) = await CallInWrapUpAsync(agentId, phone);
        var elsewhere = await PendingContactElsewhereAsync(phone);

        Assert.Equal(HttpStatusCode.OK,
            (await agent.PostAsJsonAsync($"/api/agent-console/calls/{attemptId}/disposition",
                new { disposition = "do-not-call" })).StatusCode);

        await using var db = api.Database.CreateDb();
        Assert.Contains(await db.DoNotCall.Where(d => d.Phone == phone).ToListAsync(), d => d.CampaignId == null);
        Assert.Equal(ContactStatus.Suppressed, (await db.Contacts.SingleAsync(c => c.Id == contactId)).Status);
        Assert.Equal(ContactStatus.Suppressed, (await db.Contacts.SingleAsync(c => c.Id == elsewhere)).Status);
    }

    [Fact]
    public async Task A_callback_is_scheduled_at_the_agent_s_time_and_refused_outside_calling_hours_with_the_next_lawful_time()
    {
        var (agent, agentId) = await NewAgentAsync();
        var (_, attemptId, contactId) = await CallInWrapUpAsync(agentId, "+14155550114", zone: "America/New_York");
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var tomorrow = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).Date.AddDays(1);
        while (tomorrow.DayOfWeek == DayOfWeek.Sunday) tomorrow = tomorrow.AddDays(1);
        var at3am = new DateTimeOffset(tomorrow.AddHours(3), zone.GetUtcOffset(tomorrow.AddHours(3)));
        var at10am = new DateTimeOffset(tomorrow.AddHours(10), zone.GetUtcOffset(tomorrow.AddHours(10)));

        var refused = await agent.PostAsJsonAsync($"/api/agent-console/calls/{attemptId}/disposition",
            new { disposition = "callback", callbackAt = at3am });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("next lawful time",
            (await refused.ReadJsonAsync())["errors"]!["callbackAt"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK,
            (await agent.PostAsJsonAsync($"/api/agent-console/calls/{attemptId}/disposition",
                new { disposition = "callback", callbackAt = at10am })).StatusCode);

        await using var db = api.Database.CreateDb();
        var contact = await db.Contacts.SingleAsync(c => c.Id == contactId);
        Assert.Equal((ContactStatus.Pending, DialPriority.Callback, at10am, at10am),
            (contact.Status, contact.Priority, contact.CallbackAt!.Value, contact.NextAttemptAt!.Value));
    }

    [Fact]
    public async Task The_agent_gets_a_Twilio_voice_token_for_their_own_identity()
    {
        var (agent, agentId) = await NewAgentAsync();
        var token = await agent.GetFromJsonAsync<JsonObject>("/api/agent-console/token");
        await using var db = api.Database.CreateDb();
        var identity = await db.Agents.Where(a => a.Id == agentId).Select(a => a.ClientIdentity).SingleAsync();

        Assert.Equal(identity, token!["identity"]!.GetValue<string>());
        var payload = token["token"]!.GetValue<string>().Split('.')[1];
        var json = System.Text.Encoding.UTF8.GetString(
            Convert.FromBase64String(payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=')
                .Replace('-', '+').Replace('_', '/')));
        Assert.Contains(identity, json);
        Assert.Contains("voice", json);
    }

    async Task<(HttpClient Client, Guid AgentId)> NewAgentAsync()
    {
        var created = await (await api.ClientAs(Role.Admin)
            .PostAsJsonAsync("/api/users", new { name = "Agent " + Guid.NewGuid().ToString("N")[..6], role = "agent" }))
            .ReadJsonAsync();
        var client = api.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", created["apiKey"]!.GetValue<string>());
        return (client, created["agentId"]!.GetValue<Guid>());
    }

    /// <summary>A finished call the agent took and is wrapping up.</summary>
    async Task<(Guid CampaignId, Guid AttemptId, long ContactId)> CallInWrapUpAsync(Guid agentId, string phone,
        string zone = "America/Chicago")
    {
        var campaignId = await api.ClientAs(Role.Marketer).CreateCampaignAsync();
        await using var db = api.Database.CreateDb();
        var now = DateTimeOffset.UtcNow;
        var contact = new Contact
        {
            CampaignId = campaignId, Phone = phone, Name = "Ada Lovelace", TimeZones = [zone],
            CustomFields = """{"tier":"gold"}""",
            Status = ContactStatus.Done, CreatedAt = now,
        };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        var attempt = CallAttempt.Create(campaignId, contact.Id, now.AddMinutes(-2));
        attempt.State = AttemptState.Completed;
        (attempt.AnsweredAt, attempt.BridgedAt, attempt.EndedAt, attempt.AgentId,
            attempt.LiveAnswer) = (now.AddMinutes(-1), now.AddMinutes(-1), now, agentId, true);
        db.CallAttempts.Add(attempt);
        var agent = await db.Agents.SingleAsync(a => a.Id == agentId);
        (agent.State, agent.StateSince, agent.CurrentAttemptId, agent.CampaignIds) = (AgentState.WrapUp, now,
            attempt.Id, [campaignId]);
        // mid-shift: the line is open
        (agent.LineState, agent.LineCallSid) = (Core.Agents.Lines.LineState.Open, "CA" + Guid.NewGuid().ToString("N"));
        await db.SaveChangesAsync();
        return (campaignId, attempt.Id, contact.Id);
    }

    async Task<long> PendingContactElsewhereAsync(string phone)
    {
        var campaignId = await api.ClientAs(Role.Marketer).CreateCampaignAsync();
        await using var db = api.Database.CreateDb();
        var contact = new Contact
        {
            CampaignId = campaignId, Phone = phone, TimeZones = ["America/Chicago"],
            Status = ContactStatus.Pending, CreatedAt = DateTimeOffset.UtcNow
        };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        return contact.Id;
    }
}
