using Dialer.Core.Agents;
using Dialer.Core.Campaigns;
using Dialer.Core.Contacts;
using Dialer.Core.Dialing;
using Dialer.Tests.Infrastructure;
using static Dialer.Core.Agents.AgentState;

namespace Dialer.Tests.Managers;

/// <summary>
/// Two agents whose every move is known, up to <see cref="Now"/> = 2026-06-11 15:30:00 UTC (New York is UTC-4).
///
/// Ada, 10 June (UTC): logs in 08:00:00; call A1 reserved 09:00:00, talking 09:00:05-09:02:05 (120 s, a sale), wrap-up
/// to 09:02:35; break "lunch" 10:00-10:30, "coffee" 11:00-11:10, "missed a call" 12:00-12:01; logs out 22:00:00, back
/// in 23:30:00 (across midnight). 11 June: call A2 reserved 00:30:00, talking 00:30:10-00:35:10 (300 s, no sale),
/// wrap-up to 00:36:10; logs out 01:00:00; logs in 14:00:00; break "lunch" from 15:00:00, still open now.
///
/// Bob (a formula for a name), 11 June: logs in 15:00:00; call B1 reserved 15:10:00, talking since 15:10:02, still now.
/// </summary>
public static class KnownAgentDays
{
    public static readonly DateTimeOffset Now = new(2026, 6, 11, 15, 30, 0, TimeSpan.Zero);
    static readonly DateTimeOffset Day1 = new(2026, 6, 10, 0, 0, 0, TimeSpan.Zero);
    public const string FormulaName = "=cmd|' /C calc'!A0";

    public sealed record Seeded(Guid CampaignId, Guid Ada, Guid Bob);

    public static async Task<Seeded> SeedAsync(TestDatabase database)
    {
        await using var db = database.CreateDb();
        var campaign = Campaign.Create(new CampaignSettings
        {
            Name = "agents' days " + Guid.NewGuid().ToString("N")[..6], CallerId = "+14155550100",
            MaxWrapUpSeconds = 90
        }, Day1);
        campaign.Status = CampaignStatus.Running;
        db.Campaigns.Add(campaign);
        var contact = new Contact
        {
            CampaignId = campaign.Id, Phone = "+14155550123", TimeZones = ["America/New_York"],
            Status = ContactStatus.Done, CreatedAt = Day1
        };
        db.Contacts.Add(contact);
        var ada = new Agent
        {
            Id = Guid.NewGuid(), Name = "Ada " + Guid.NewGuid().ToString("N")[..4],
            ClientIdentity = "ada-" + Guid.NewGuid().ToString("N")[..8],
            State = Break, StateSince = At(1, 15, 0, 0), BreakReason = "lunch", CampaignIds = [campaign.Id]
        };
        var bob = new Agent
        {
            Id = Guid.NewGuid(), Name = FormulaName, ClientIdentity = "bob-" + Guid.NewGuid().ToString("N")[..8],
            State = OnCall, StateSince = At(1, 15, 10, 2), CampaignIds = [campaign.Id]
        };
        db.Agents.AddRange(ada, bob);
        await db.SaveChangesAsync();

        CallAttempt Call(Agent agent, DateTimeOffset bridged, int? talkSeconds, bool converted) => new()
        {
            Id = Guid.NewGuid(), CampaignId = campaign.Id, ContactId = contact.Id, AgentId = agent.Id,
            CallSid = "CA" + Guid.NewGuid().ToString("N"),
            State = talkSeconds is null ? AttemptState.InProgress : AttemptState.Completed,
            CreatedAt = bridged.AddSeconds(-20),
            DialedAt = bridged.AddSeconds(-20), AnsweredAt = bridged.AddSeconds(-5), AnsweredBy = "human",
            LiveAnswer = true, BridgedAt = bridged,
            EndedAt = talkSeconds is { } talk ? bridged.AddSeconds(talk) : null,
            Outcome = talkSeconds is null ? null : "completed",
            Disposition = talkSeconds is null ? null : converted ? "sale" : "no-sale", Converted = converted,
        };
        var a1 = Call(ada, At(0, 9, 0, 5), 120, converted: true);
        var a2 = Call(ada, At(1, 0, 30, 10), 300, converted: false);
        var b1 = Call(bob, At(1, 15, 10, 2), null, converted: false);
        db.CallAttempts.AddRange(a1, a2, b1);
        bob.CurrentAttemptId = b1.Id;

        var moves = new List<AgentStateChange>();
        void Move(Agent agent, AgentState from, AgentState to, string reason, DateTimeOffset at,
            Guid? attempt = null) =>
            moves.Add(new AgentStateChange
            {
                AgentId = agent.Id, From = from, To = to, Reason = reason, At = at,
                AttemptId = attempt
            });
        Move(ada, Offline, Available, "logged in", At(0, 8, 0, 0));
        Move(ada, Available, Reserved, "call answered", At(0, 9, 0, 0), a1.Id);
        Move(ada, Reserved, OnCall, "agent leg answered", At(0, 9, 0, 5), a1.Id);
        Move(ada, OnCall, WrapUp, "call ended", At(0, 9, 2, 5), a1.Id);
        Move(ada, WrapUp, Available, "disposition set", At(0, 9, 2, 35), a1.Id);
        Move(ada, Available, Break, "break: lunch", At(0, 10, 0, 0));
        Move(ada, Break, Available, "back from break", At(0, 10, 30, 0));
        Move(ada, Available, Break, "break: coffee", At(0, 11, 0, 0));
        Move(ada, Break, Available, "back from break", At(0, 11, 10, 0));
        Move(ada, Available, Break, "missed a call", At(0, 12, 0, 0));
        Move(ada, Break, Available, "back from break", At(0, 12, 1, 0));
        Move(ada, Available, Offline, "logged out", At(0, 22, 0, 0));
        Move(ada, Offline, Available, "logged in", At(0, 23, 30, 0));
        Move(ada, Available, Reserved, "call answered", At(1, 0, 30, 0), a2.Id);
        Move(ada, Reserved, OnCall, "agent leg answered", At(1, 0, 30, 10), a2.Id);
        Move(ada, OnCall, WrapUp, "call ended", At(1, 0, 35, 10), a2.Id);
        Move(ada, WrapUp, Available, "disposition set", At(1, 0, 36, 10), a2.Id);
        Move(ada, Available, Offline, "logged out", At(1, 1, 0, 0));
        Move(ada, Offline, Available, "logged in", At(1, 14, 0, 0));
        Move(ada, Available, Break, "break: lunch", At(1, 15, 0, 0));
        Move(bob, Offline, Available, "logged in", At(1, 15, 0, 0));
        Move(bob, Available, Reserved, "call answered", At(1, 15, 10, 0), b1.Id);
        Move(bob, Reserved, OnCall, "agent leg answered", At(1, 15, 10, 2), b1.Id);
        db.AgentStateChanges.AddRange(moves);
        await db.SaveChangesAsync();
        return new Seeded(campaign.Id, ada.Id, bob.Id);
    }

    static DateTimeOffset At(int day, int h, int m, int s) => Day1.AddDays(day).Add(new TimeSpan(h, m, s));
}
