using Dialer.Core.Agents;
using Dialer.Core.Campaigns;
using Dialer.Core.Contacts;
using Dialer.Core.Dialing;
using Dialer.Tests.Infrastructure;

namespace Dialer.Tests.Managers;

/// <summary>
/// A campaign whose every call is known, inserted straight into the database. On 2026-06-10 (EDT = UTC-4,
/// PDT = UTC-7), four New York contacts are called at 18:0x UTC (14:0x local), six Los Angeles ones at
/// 18:1x UTC (11:1x local), and the first New York contact once before at 17:00 UTC (13:00 local):
///
/// | # | contact | outcome | answered by | agent | disposition | seconds |
/// | 0 | ny1 (earlier) | no-answer | | | | |
/// | 1 | ny1 | completed | human | Ada | sale | 125 |
/// | 2 | ny2 | completed | human | Ada | no-sale | 60 |
/// | 3 | ny3 | completed | human (abandoned: no agent) | | | 5 |
/// | 4 | ny4 | completed | machine_start | | | 20 |
/// | 5 | la1 | busy | | | | |
/// | 6 | la2 | no-answer | | | | |
/// | 7 | la3 | completed | human | Bob | sale | 61 |
/// | 8 | la4 | do-not-call (skipped, never dialed) | | | | |
/// | 9 | la5 (a formula for a name) | completed | human | Bob | callback | 30 |
/// | 10 | la6 | in flight (ringing) | | | | |
/// </summary>
public static class KnownHistory
{
    public static readonly DateTimeOffset Day = new(2026, 6, 10, 0, 0, 0, TimeSpan.Zero);
    public const string FormulaName = "=cmd|' /C calc'!A0";

    public static async Task<Guid> SeedAsync(TestDatabase database)
    {
        await using var db = database.CreateDb();
        var campaign = Campaign.Create(new CampaignSettings
        {
            Name = "known history " + Guid.NewGuid().ToString("N")[..6], CallerId = "+14155550100",
            CostPerMinute = 0.02m,
            CallingWindow = new CallingWindow
            {
                Start = new(9, 0), End = new(20, 0),
                Days = Enum.GetValues<DayOfWeek>()
            },
        }, Day);
        campaign.Status = CampaignStatus.Running;
        db.Campaigns.Add(campaign);
        var ada = new Agent
        {
            Id = Guid.NewGuid(), Name = "Ada",
            ClientIdentity = "ada-" + Guid.NewGuid().ToString("N")[..8], StateSince = Day
        };
        var bob = new Agent
        {
            Id = Guid.NewGuid(), Name = "Bob",
            ClientIdentity = "bob-" + Guid.NewGuid().ToString("N")[..8], StateSince = Day
        };
        db.Agents.AddRange(ada, bob);

        Contact Person(int n, string zone, ContactStatus status, int attempts, string? name = null) => new()
        {
            CampaignId = campaign.Id, Phone = $"+1415555{n:0000}", Name = name ?? $"contact {n}", TimeZones = [zone],
            Status = status, Attempts = attempts, CreatedAt = Day,
        };
        const string ny = "America/New_York", la = "America/Los_Angeles";
        Contact[] contacts =
        [
            Person(1, ny, ContactStatus.Done, 2), Person(2, ny, ContactStatus.Done, 1),
            Person(3, ny, ContactStatus.Done, 1),
            Person(4, ny, ContactStatus.Done, 1), Person(5, la, ContactStatus.Done, 1),
            Person(6, la, ContactStatus.Done, 1),
            Person(7, la, ContactStatus.Done, 1), Person(8, la, ContactStatus.Suppressed, 1),
            Person(9, la, ContactStatus.Done, 1, FormulaName),
            Person(10, la, ContactStatus.Dialing, 1),
        ];
        db.Contacts.AddRange(contacts);
        await db.SaveChangesAsync();

        var at = Day.AddHours(18);
        CallAttempt Call(Contact contact, DateTimeOffset dialed, AttemptState state, string? outcome,
            string? answeredBy = null,
            Agent? agent = null, string? disposition = null, int? seconds = null) => new()
            {
                Id = Guid.NewGuid(), CampaignId = campaign.Id, ContactId = contact.Id, State = state,
                CreatedAt = dialed.AddSeconds(-1),
                DialedAt = dialed, CallSid = state == AttemptState.Skipped ? null : "CA" + Guid.NewGuid().ToString("N"),
                AnsweredAt = answeredBy is null ? null : dialed.AddSeconds(10), AnsweredBy = answeredBy,
                LiveAnswer = answeredBy == "human", Abandoned = answeredBy == "human" && agent is null,
                BridgedAt = agent is null ? null : dialed.AddSeconds(11), AgentId = agent?.Id,
                EndedAt = state.IsFinal() ? dialed.AddSeconds(40 + (seconds ?? 0)) : null, Outcome = outcome,
                Disposition = disposition,
                Converted = campaign.Settings.ConversionDispositions.Contains(disposition),
                DispositionedAt = disposition is null ? null : dialed.AddSeconds(41 + (seconds ?? 0)),
                DurationSeconds = seconds,
            };
        db.CallAttempts.AddRange(
            Call(contacts[0], Day.AddHours(17), AttemptState.NoAnswer, "no-answer"),
            Call(contacts[0], at.AddMinutes(1), AttemptState.Completed, "completed", "human", ada, "sale", 125),
            Call(contacts[1], at.AddMinutes(2), AttemptState.Completed, "completed", "human", ada, "no-sale", 60),
            Call(contacts[2], at.AddMinutes(3), AttemptState.Completed, "completed", "human", seconds: 5),
            Call(contacts[3], at.AddMinutes(4), AttemptState.Completed, "completed", "machine_start", seconds: 20),
            Call(contacts[4], at.AddMinutes(11), AttemptState.Busy, "busy"),
            Call(contacts[5], at.AddMinutes(12), AttemptState.NoAnswer, "no-answer"),
            Call(contacts[6], at.AddMinutes(13), AttemptState.Completed, "completed", "human", bob, "sale", 61),
            Call(contacts[7], at.AddMinutes(14), AttemptState.Skipped, "do-not-call"),
            Call(contacts[8], at.AddMinutes(15), AttemptState.Completed, "completed", "human", bob, "callback", 30),
            Call(contacts[9], at.AddMinutes(16), AttemptState.Ringing, null));
        foreach (var attempt in db.ChangeTracker.Entries<CallAttempt>().Select(e => e.Entity).OrderBy(a => a.DialedAt))
        {
            var contact = contacts.Single(c => c.Id == attempt.ContactId);
            (contact.LastOutcome, contact.LastAttemptAt, contact.Disposition) = (attempt.Outcome, attempt.DialedAt,
                attempt.Disposition);
        }
        await db.SaveChangesAsync();
        return campaign.Id;
    }

    /// <summary>A campaign with one call placed at 06:00 in Los Angeles, before its window opens.</summary>
    public static async Task<Guid> SeedCallOutsideWindowAsync(TestDatabase database)
    {
        await using var db = database.CreateDb();
        var campaign = Campaign.Create(new CampaignSettings { Name = "early bird", CallerId = "+14155550100" }, Day);
        db.Campaigns.Add(campaign);
        var contact = new Contact
        {
            CampaignId = campaign.Id, Phone = "+13105550111",
            TimeZones = ["America/Los_Angeles"], Status = ContactStatus.Done, Attempts = 1, CreatedAt = Day
        };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        var dialed = Day.AddHours(13); // 06:00 PDT
        db.CallAttempts.Add(new CallAttempt
        {
            Id = Guid.NewGuid(), CampaignId = campaign.Id, ContactId = contact.Id, State = AttemptState.NoAnswer,
            Outcome = "no-answer",
            CreatedAt = dialed, DialedAt = dialed, CallSid = "CA" + Guid.NewGuid().ToString("N"),
            EndedAt = dialed.AddSeconds(30),
        });
        await db.SaveChangesAsync();
        return campaign.Id;
    }
}
