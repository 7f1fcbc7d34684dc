using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dialer.Core.Agents;
using Dialer.Core.Auth;
using Dialer.Core.Contacts;
using Dialer.Core.Dialing;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Scripts;

/// <summary>A campaign with a script, sections, fields and a screen pop, and a call of it an agent is wrapping up.
/// </summary>
public static class ScriptsWorld
{
    public static JsonObject CampaignWithScript(string name = "Scripted offer") => new()
    {
        ["name"] = name,
        ["callerId"] = "+14155550100",
        ["script"] = "Hello {{first_name}}, this is {{agent.first_name}} from {{campaign.name}}.",
        ["scriptSections"] = new JsonArray(
            new JsonObject { ["title"] = "Offer", ["text"] = "Your plan is {{plan}}.{{not_a_column}}" },
            new JsonObject { ["title"] = "Close", ["text"] = "Thank you, {{name}}." }),
        ["scriptFields"] = new JsonArray(
            new JsonObject
            {
                ["key"] = "interest", ["label"] = "Interest", ["kind"] = "choice", ["required"] = true,
                ["choices"] = new JsonArray("high", "low"),
            },
            new JsonObject { ["key"] = "wants_email", ["label"] = "Wants email", ["kind"] = "yesNo" },
            new JsonObject
            {
                ["key"] = "budget", ["label"] = "Budget", ["kind"] = "number", ["min"] = 0, ["max"] = 1e6,
            },
            new JsonObject { ["key"] = "remark", ["label"] = "Remark", ["kind"] = "text", ["maxLength"] = 20 }),
        ["screenPop"] = new JsonObject
        {
            ["urlTemplate"] = "https://crm.example.com/find?phone={{phone}}&plan={{plan}}", ["embed"] = false,
        },
    };

    /// <summary>A finished call of the campaign that the agent took and is wrapping up.</summary>
    public static async Task<(Guid AttemptId, long ContactId)> CallInWrapUpAsync(TestDatabase database,
        Guid campaignId, Guid agentId, string phone, string customFields = """{"plan":"gold <b>&"}""")
    {
        await using var db = database.CreateDb();
        var now = DateTimeOffset.UtcNow;
        var contact = new Contact
        {
            CampaignId = campaignId, Phone = phone, Name = "Ada Lovelace", TimeZones = ["America/Chicago"],
            CustomFields = customFields, Status = ContactStatus.Done, CreatedAt = now,
        };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        var attempt = CallAttempt.Create(campaignId, contact.Id, now.AddMinutes(-2));
        attempt.State = AttemptState.Completed;
        (attempt.AnsweredAt, attempt.BridgedAt, attempt.EndedAt, attempt.AgentId, attempt.LiveAnswer) =
            (now.AddMinutes(-1), now.AddMinutes(-1), now, agentId, true);
        db.CallAttempts.Add(attempt);
        var agent = await db.Agents.SingleAsync(a => a.Id == agentId);
        (agent.State, agent.StateSince, agent.CurrentAttemptId, agent.CampaignIds) =
            (AgentState.WrapUp, now, attempt.Id, [campaignId]);
        (agent.LineState, agent.LineCallSid) = (Core.Agents.Lines.LineState.Open, "CA" + Guid.NewGuid().ToString("N"));
        await db.SaveChangesAsync();
        return (attempt.Id, contact.Id);
    }

    /// <summary>A marketer of a team of their own.</summary>
    public static async Task<HttpClient> OtherTeamsMarketerAsync(ApiFactory api)
    {
        var admin = api.ClientAs(Role.Admin);
        var team = await (await admin.PostAsJsonAsync("/api/teams",
                new { name = "Other team " + Guid.NewGuid().ToString("N")[..8] }))
            .EnsureSuccessStatusCode().ReadJsonAsync();
        var user = await (await admin.PostAsJsonAsync("/api/users", new
        {
            name = "Other marketer " + Guid.NewGuid().ToString("N")[..6], role = "marketer",
            teamId = team["id"]!.GetValue<Guid>(),
        })).EnsureSuccessStatusCode().ReadJsonAsync();
        return api.ClientWith(user["apiKey"]!.GetValue<string>());
    }
}
