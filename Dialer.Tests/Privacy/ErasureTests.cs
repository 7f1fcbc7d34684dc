using System.Net;
using System.Net.Http.Json;
using Dialer.Core.Auth;
using Dialer.Core.Campaigns;
using Dialer.Core.Compliance;
using Dialer.Core.Contacts;
using Dialer.Core.Recordings;
using Dialer.Tests.Recordings;
using Microsoft.EntityFrameworkCore;
using static Dialer.Api.Privacy.ErasuresApi;

namespace Dialer.Tests.Privacy;

/// <summary>A person erased by number: across two campaigns of two teams, what the law needs kept, and only
/// once.</summary>
public sealed class ErasureTests(RecordedCalls world) : IClassFixture<RecordedCalls>
{
    [Fact]
    public async Task Erasing_a_number_removes_the_person_everywhere_and_keeps_the_do_not_call_entry_and_the_abandon_counts()
    {
        var (recordedAttempt, _, _, recording) = await world.RecordedCallAsync();
        Guid otherCampaign;
        string phone;
        long recordedContactId, otherContactId;
        long[] deliveries;
        await using (var db = world.Db())
        {
            var recorded = await db.Contacts.SingleAsync(c => c.Id == recordedAttempt.ContactId);
            (phone, recordedContactId) = (recorded.Phone, recorded.Id);
            await db.Contacts.Where(c => c.Id == recorded.Id).ExecuteUpdateAsync(c => c
                .SetProperty(x => x.Name, "Ann Example").SetProperty(x => x.CustomFields, """{"vip":"yes"}"""));
            await db.CallAttempts.Where(a => a.Id == recordedAttempt.Id)
                .ExecuteUpdateAsync(a => a.SetProperty(x => x.DispositionNotes, "wants a call on Friday"));
            var team = await PrivacyData.TeamAsync(db);
            var stopped = await PrivacyData.CampaignAsync(db, team, CampaignStatus.Stopped);
            otherCampaign = stopped.Id;
            var (other, _) = await PrivacyData.CalledContactAsync(db, stopped.Id, phone,
                DateTimeOffset.UtcNow.AddHours(-1));
            otherContactId = other.Id;
            deliveries = await PrivacyData.DeliveriesAsync(db, team, other);
            db.DoNotCall.Add(new DoNotCallEntry { Phone = phone, AddedAt = DateTimeOffset.UtcNow, Reason = "asked" });
            await db.SaveChangesAsync();
        }
        PersonHistory before;
        long abandonedBefore;
        await using (var db = world.Db())
        {
            before = await PrivacyData.PersonAsync(db, phone);
            abandonedBefore = await PrivacyData.AbandonedInAsync(db, otherCampaign);
        }
        Assert.Equal(2, before.CallsLast24Hours);
        Assert.NotNull(before.LastAbandonedAt);
        Assert.NotNull(world.Simulator.Recordings.Find(recording.RecordingSid));

        // as the lead writes it: digits, spaces and brackets; the answer says what went
        var admin = world.Api.ClientAs(Role.Admin);
        var written = $"({phone[2..5]}) {phone[5..8]}-{phone[8..]}";
        var answer = await admin.PostAsJsonAsync("/api/erasures", new { phone = written, region = "US" });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var erased = (await answer.Content.ReadFromJsonAsync<ErasureResponse>())!;
        Assert.Equal((false, 2, 2, 1, 0, 2, 1),
            (erased.Repeated, erased.Contacts, erased.Attempts, erased.Recordings, erased.RecordingsPending,
                erased.WebhookDeliveries, erased.DoNotCallEntriesKept));

        await using (var db = world.Db())
        {
            Assert.False(await db.Contacts.AnyAsync(c => c.Phone == phone));
            var contacts = await db.Contacts.AsNoTracking()
                .Where(c => c.Id == recordedContactId || c.Id == otherContactId).ToListAsync();
            Assert.All(contacts, c => Assert.Equal((null, null, ContactStatus.Suppressed, null, true, 0),
                (c.Name, c.CustomFields, c.Status, c.NextAttemptAt, c.AnonymisedAt is not null, c.TimeZones.Length)));
            var attempts = await db.CallAttempts.AsNoTracking()
                .Where(a => a.ContactId == recordedContactId || a.ContactId == otherContactId).ToListAsync();
            Assert.Equal(2, attempts.Count);
            Assert.All(attempts,
                a => Assert.Equal((null, null, true), (a.DispositionNotes, a.Error, a.PhoneHash is { Length: 32 })));
            Assert.Equal(RecordingStatus.Deleted,
                (await db.CallRecordings.AsNoTracking().SingleAsync(r => r.Id == recording.Id)).Status);
            Assert.False(await db.WebhookDeliveries.AnyAsync(d => deliveries.Contains(d.Id)));
            // what the law needs stays: the entry, the campaign's abandoned call, and the person's calls for the claim
            Assert.True(await db.DoNotCall.AnyAsync(d => d.Phone == phone));
            Assert.Equal(abandonedBefore, await PrivacyData.AbandonedInAsync(db, otherCampaign));
            var after = await PrivacyData.PersonAsync(db, phone);
            Assert.Equal((before.CallsLast24Hours, before.LastAbandonedAt),
                (after.CallsLast24Hours, after.LastAbandonedAt));
            var record = await db.Erasures.AsNoTracking().SingleAsync(e => e.Id == erased.Id);
            Assert.Equal(world.Api.UserIdOf(Role.Admin).ToString(), record.RequestedBy);
        }
        Assert.Null(world.Simulator.Recordings.Find(recording.RecordingSid));

        // again: nothing more to erase, the first erasure's record
        var again = await admin.PostAsJsonAsync("/api/erasures", new { phone });
        var repeated = (await again.Content.ReadFromJsonAsync<ErasureResponse>())!;
        Assert.Equal((HttpStatusCode.OK, true, erased.Id, 2),
            (again.StatusCode, repeated.Repeated, repeated.Id, repeated.Contacts));
        await using (var db = world.Db())
            Assert.Equal(1, await db.Erasures.CountAsync(e => e.Id == erased.Id || e.RequestedAt > erased.RequestedAt));
    }

    [Fact]
    public async Task Erasing_a_number_a_contact_holds_among_its_other_numbers_erases_that_contact_too()
    {
        const string dialed = "+14155558801", erasedNumber = "+14155558802";
        long contactId;
        await using (var db = world.Db())
        {
            var team = await PrivacyData.TeamAsync(db);
            var campaign = await PrivacyData.CampaignAsync(db, team, CampaignStatus.Stopped);
            var (contact, _) = await PrivacyData.CalledContactAsync(db, campaign.Id, dialed,
                DateTimeOffset.UtcNow.AddHours(-1));
            contact.PhoneKind = NumberKinds.Mobile;
            contact.Numbers =
            [
                new() { Kind = NumberKinds.Mobile, Phone = dialed },
                new() { Kind = NumberKinds.Home, Phone = erasedNumber },
            ];
            await db.SaveChangesAsync();
            contactId = contact.Id;
        }

        var answer = await world.Api.ClientAs(Role.Admin)
            .PostAsJsonAsync("/api/erasures", new { phone = erasedNumber });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);

        await using var check = world.Db();
        var erased = await check.Contacts.AsNoTracking().SingleAsync(c => c.Id == contactId);
        Assert.Equal((ContactStatus.Suppressed, null, null, null),
            (erased.Status, erased.Name, erased.Numbers, erased.PhoneKind));
        Assert.NotEqual(dialed, erased.Phone);
    }

    [Theory]
    [InlineData(Role.Marketer)]
    [InlineData(Role.Manager)]
    public async Task Only_an_admin_may_erase(Role role)
    {
        var (_, contacts) = await world.RunningCampaignAsync(1);
        var answer = await world.Api.ClientAs(role).PostAsJsonAsync("/api/erasures", new { phone = contacts[0].Phone });
        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        await using var db = world.Db();
        Assert.True(await db.Contacts.AnyAsync(c => c.Phone == contacts[0].Phone));
    }

    [Theory]
    [InlineData("not a number", "phone")]
    [InlineData("", "phone")]
    [InlineData("+1415555", "phone")]
    public async Task A_number_that_cannot_be_read_is_a_400_naming_the_field(string phone, string field)
    {
        var answer = await world.Api.ClientAs(Role.Admin).PostAsJsonAsync("/api/erasures", new { phone });
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains($"\"{field}\"", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_number_on_a_call_right_now_is_refused_until_the_call_ends()
    {
        var (_, contacts) = await world.RunningCampaignAsync(1);
        await using (var db = world.Db())
            await db.Contacts.Where(c => c.Id == contacts[0].Id)
                .ExecuteUpdateAsync(c => c.SetProperty(x => x.Status, ContactStatus.Dialing));
        var answer = await world.Api.ClientAs(Role.Admin)
            .PostAsJsonAsync("/api/erasures", new { phone = contacts[0].Phone });
        Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
        await using var after = world.Db();
        Assert.True(await after.Contacts.AnyAsync(c => c.Phone == contacts[0].Phone));
    }
}
