using Dialer.Core.Agents;
using Dialer.Core.Auth;
using Dialer.Core.Campaigns;
using Dialer.Core.Contacts;
using Dialer.Core.Dialing;
using Dialer.Tests.Infrastructure;

namespace Dialer.Tests.Managers;

/// <summary>
/// A floor of agents as a manager finds it mid-shift: each logged in a few hours ago and took calls since (a seeded
/// history of moves and connected calls), and a few in the states the wall must make stand out.
/// </summary>
public static class AgentFloor
{
    public sealed record Floor(Guid CampaignId, Guid Ada, string AdaKey, Guid OnCall, Guid StuckReserved,
        Guid WrappingUp);

    static readonly string[] Names = ["Grace Hopper", "Linus Pauling", "Ken Thompson", "Barbara Liskov",
        "Margaret Hamilton", "Edsger Dijkstra",
        "Frances Allen", "Donald Knuth", "Radia Perlman", "John Backus", "Katherine Johnson", "Alan Kay", "Hedy Lamarr",
        "Dennis Ritchie",
        "Annie Easley", "Tony Hoare", "Sophie Wilson", "Niklaus Wirth", "Karen Spärck Jones", "Leslie Lamport"];

    /// <summary>States the rest of the floor is in, none of them for long enough to look stuck.</summary>
    static readonly AgentState[] CalmStates =
        [AgentState.Available, AgentState.OnCall, AgentState.WrapUp, AgentState.Available, AgentState.Break,
            AgentState.OnCall, AgentState.Offline];

    public static async Task<Floor> SeedAsync(TestDatabase database, int extraAgents = 0)
    {
        var now = DateTimeOffset.UtcNow;
        var random = new Random(7);
        await using var db = database.CreateDb();
        var campaign = Campaign.Create(
            new CampaignSettings { Name = "Summer renewals", CallerId = "+14155550100", MaxWrapUpSeconds = 60 },
            now.AddHours(-6));
        campaign.Status = CampaignStatus.Running;
        var other = Campaign.Create(new CampaignSettings { Name = "Win-back", CallerId = "+14155550100" },
            now.AddHours(-6));
        other.Status = CampaignStatus.Running;
        db.Campaigns.AddRange(campaign, other);
        var contact = new Contact
        {
            CampaignId = campaign.Id, Phone = "+14155550177", TimeZones = ["America/New_York"],
            Status = ContactStatus.Pending, CreatedAt = now
        };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();

        Agent Worked(string name, AgentState state, TimeSpan inState, string? breakReason = null, Campaign? on = null)
        {
            var agent = new Agent
            {
                Id = Guid.NewGuid(), Name = name, ClientIdentity = "floor-" + Guid.NewGuid().ToString("N")[..10],
                CampaignIds = state == AgentState.Offline ? [] : [(on ?? campaign).Id], State = AgentState.Offline
            };
            var at = now.AddMinutes(-random.Next(60, 300));
            if (at > now - inState - TimeSpan.FromMinutes(5)) at = now - inState - TimeSpan.FromMinutes(5);
            void Move(AgentState to, string reason, DateTimeOffset when, Guid? attempt = null)
            {
                db.AgentStateChanges.Add(
                    new AgentStateChange
                    {
                        AgentId = agent.Id, From = agent.State, To = to, Reason = reason, At = when,
                        AttemptId = attempt
                    });
                (agent.State, agent.StateSince) = (to, when);
            }
            Move(AgentState.Available, "logged in", at);
            var end = now - inState;
            while (at.AddMinutes(12) < end)
            {
                at = at.AddSeconds(random.Next(20, 240));
                var talk = random.Next(60, 420);
                var attempt = new CallAttempt
                {
                    Id = Guid.NewGuid(), CampaignId = campaign.Id, ContactId = contact.Id, AgentId = agent.Id,
                    State = AttemptState.Completed,
                    CreatedAt = at.AddSeconds(-15), DialedAt = at.AddSeconds(-15), AnsweredAt = at.AddSeconds(-2),
                    AnsweredBy = "human", LiveAnswer = true,
                    BridgedAt = at.AddSeconds(2), EndedAt = at.AddSeconds(2 + talk), Outcome = "completed",
                    CallSid = "CA" + Guid.NewGuid().ToString("N"),
                };
                attempt.Disposition = random.Next(5) == 0 ? "sale" : "no-sale";
                attempt.Converted = attempt.Disposition == "sale";
                db.CallAttempts.Add(attempt);
                Move(AgentState.Reserved, "call answered", at, attempt.Id);
                Move(AgentState.OnCall, "agent leg answered", at.AddSeconds(2), attempt.Id);
                Move(AgentState.WrapUp, "call ended", at.AddSeconds(2 + talk), attempt.Id);
                at = at.AddSeconds(2 + talk + random.Next(10, 50));
                Move(AgentState.Available, "disposition set", at, attempt.Id);
            }
            if (state == AgentState.Break) Move(AgentState.Break, "break: " + breakReason, end);
            else if (state == AgentState.Offline) Move(AgentState.Offline, "logged out", end);
            else if (state != AgentState.Available) Move(state, "call answered", end);
            agent.StateSince = end;
            agent.BreakReason = state == AgentState.Break ? breakReason : null;
            if (state is AgentState.Reserved or AgentState.OnCall or AgentState.WrapUp)
            {
                var call = new CallAttempt
                {
                    Id = Guid.NewGuid(), CampaignId = campaign.Id, ContactId = contact.Id, AgentId = agent.Id,
                    State = AttemptState.InProgress,
                    CreatedAt = end.AddSeconds(-15), DialedAt = end.AddSeconds(-15), AnsweredAt = end.AddSeconds(-1),
                    AnsweredBy = "human", LiveAnswer = true,
                    BridgedAt = state == AgentState.Reserved ? null : end,
                    CallSid = "CA" + Guid.NewGuid().ToString("N"),
                };
                db.CallAttempts.Add(call);
                agent.CurrentAttemptId = call.Id;
            }
            db.Agents.Add(agent);
            return agent;
        }

        var ada = Worked("Ada Lovelace", AgentState.Available, TimeSpan.FromSeconds(40));
        var onCall = Worked(Names[0], AgentState.OnCall, TimeSpan.FromSeconds(95));
        var stuck = Worked(Names[1], AgentState.Reserved, TimeSpan.FromSeconds(130));
        var wrapping = Worked(Names[2], AgentState.WrapUp, TimeSpan.FromSeconds(25));
        Worked(Names[3], AgentState.Break, TimeSpan.FromMinutes(7), "lunch");
        Worked(Names[4], AgentState.WrapUp, TimeSpan.FromSeconds(200)); // past the campaign's 60 s
        Worked(Names[5], AgentState.OnCall, TimeSpan.FromMinutes(31)); // a call far longer than usual
        var gone = Worked(Names[6], AgentState.Available, TimeSpan.FromMinutes(3));
        gone.ConsoleDisconnectedAt = now.AddSeconds(-75);
        for (var i = 7; i < Names.Length; i++)
            Worked(Names[i], CalmStates[i % CalmStates.Length], TimeSpan.FromSeconds(random.Next(5, 50)), "coffee",
                i % 4 == 0 ? other : null);
        for (var i = 0; i < extraAgents; i++)
            db.Agents.Add(new Agent
            {
                Id = Guid.NewGuid(), Name = $"Agent {i:0000}",
                ClientIdentity = "bulk-" + Guid.NewGuid().ToString("N")[..12],
                State = AgentState.Available, StateSince = now.AddSeconds(-i), CampaignIds = [campaign.Id]
            });

        // agents work the campaigns they are assigned to: the seeded ones are assigned to those they are logged in to
        db.CampaignAgents.AddRange(db.ChangeTracker.Entries<Agent>().ToList()
            .SelectMany(e => e.Entity.CampaignIds.Select(c =>
            new Dialer.Core.Teams.CampaignAgent
            {
                CampaignId = c, AgentId = e.Entity.Id, AssignedAt = now,
                AssignedBy = "seed"
            })).ToList());
        var adaKey = User.NewKey();
        db.Users.Add(
            new User
            {
                Id = Guid.NewGuid(), Name = "ada", Role = Role.Agent, AgentId = ada.Id,
                ApiKeyHash = User.HashKey(adaKey), CreatedAt = now
            });
        await db.SaveChangesAsync();
        return new Floor(campaign.Id, ada.Id, adaKey, onCall.Id, stuck.Id, wrapping.Id);
    }
}
