using Dialer.Core.Campaigns;
using Dialer.Core.Compliance;
using Dialer.Core.Compliance.Consents;
using Dialer.Core.Contacts;
using Dialer.Core.Dialing;
using Dialer.Core.Pacing;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Contacts;

/// <summary>Every call a person answers unless the simulator is told otherwise for its number.</summary>
public sealed class MultiNumberWorld : DialingWorld;

/// <summary>A contact of several numbers, dialed by the Worker against the simulator.</summary>
public sealed class MultiNumberDialingTests(MultiNumberWorld world) : IClassFixture<MultiNumberWorld>
{
    const string Home = "+14155550141", Work = "+14155550142", Mobile = "+14155550143";

    [Fact]
    public async Task A_home_number_that_does_not_answer_gives_way_to_the_mobile_passing_a_work_number_on_do_not_call()
    {
        var (campaign, _) = await world.RunningCampaignAsync(0, s => s with
        {
            Mode = DialingMode.Agentless,
            MaxAttempts = 1,
            MaxAttemptsPer24Hours = 5,
            RetryRules = s.RetryRules with { NoAnswer = new RetryRule(0, 0) },
            NumberOrder = [NumberKinds.Home, NumberKinds.Work, NumberKinds.Mobile],
        });
        var zones = new[] { DialingWorld.ZoneOpenNow() };
        long contactId;
        await using (var db = world.Db())
        {
            var contact = new Contact
            {
                CampaignId = campaign.Id, Phone = Home, PhoneKind = NumberKinds.Home, TimeZones = zones,
                Status = ContactStatus.Pending, NextAttemptAt = DateTimeOffset.UtcNow,
                CreatedAt = DateTimeOffset.UtcNow,
                // the upload's column order: mobile, home, work; the campaign's order starts at home
                Numbers =
                [
                    new() { Kind = NumberKinds.Mobile, Phone = Mobile, TimeZones = zones },
                    new() { Kind = NumberKinds.Home, Phone = Home, TimeZones = zones },
                    new() { Kind = NumberKinds.Work, Phone = Work, TimeZones = zones },
                ],
            };
            db.Contacts.Add(contact);
            db.DoNotCall.Add(new DoNotCallEntry { Phone = Work, Reason = "test", AddedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            db.Consents.Add(new ContactConsent
            {
                ContactId = contact.Id, CampaignId = campaign.Id, Kind = ConsentKind.Prerecorded, Source = "test",
                GivenAt = DateTimeOffset.UtcNow.AddDays(-1), Reference = "multi-number",
                RecordedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
            contactId = contact.Id;
        }
        world.Simulator.Faults.Apply(SimFaults.Patch(outcomesByNumber: new() { [Home] = "no-answer" }));
        try
        {
            var first = await world.DialAsync(campaign, 5);
            Assert.Equal(NumberKinds.Home, Assert.Single(first).PhoneKind);
            await world.WaitForAttemptsAsync(first.Select(a => a.Id), a => a.IsFinal, TimeSpan.FromSeconds(60));

            await using (var db = world.Db())
            {
                var moved = await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == contactId);
                Assert.Equal((Mobile, NumberKinds.Mobile, ContactStatus.Pending, 0),
                    (moved.Phone, moved.PhoneKind, moved.Status, moved.Attempts));
                var byPhone = moved.Numbers!.ToDictionary(n => n.Phone);
                Assert.Equal((NumberStatus.TriedOut, 1, "no-answer"),
                    (byPhone[Home].Status, byPhone[Home].Attempts, byPhone[Home].LastOutcome));
                Assert.Equal(NumberStatus.DoNotCall, byPhone[Work].Status);
                Assert.Equal(NumberStatus.Pending, byPhone[Mobile].Status);
                // the home number's call keeps counting for it, by its hash
                Assert.NotNull((await db.CallAttempts.AsNoTracking().SingleAsync(a => a.Id == first[0].Id)).PhoneHash);
                var homeHistory = await PersonCalls.ForAsync(db, Guid.NewGuid(), [Home], DateTimeOffset.UtcNow,
                    default);
                Assert.Equal(1, homeHistory[Home] is var (calls, _, _) ? calls : -1);
            }

            var second = await world.DialAsync(campaign, 5);
            Assert.Equal(NumberKinds.Mobile, Assert.Single(second).PhoneKind);
            var ended = await world.WaitForAttemptsAsync(second.Select(a => a.Id), a => a.IsFinal,
                TimeSpan.FromSeconds(60));
            Assert.NotNull(Assert.Single(ended).AnsweredAt);

            await using var check = world.Db();
            var done = await check.Contacts.AsNoTracking().SingleAsync(c => c.Id == contactId);
            Assert.Equal((Mobile, ContactStatus.Done), (done.Phone, done.Status));
            Assert.Single(world.Simulator.Calls.Snapshot(Home));
            Assert.Single(world.Simulator.Calls.Snapshot(Mobile));
            Assert.Empty(world.Simulator.Calls.Snapshot(Work));
            Assert.Empty(await world.DialAsync(campaign, 5)); // reached: no number is dialed again
        }
        finally
        {
            world.Simulator.Faults.Apply(SimFaults.Patch(outcomesByNumber: []));
        }
    }
}
