using System.Net;
using System.Net.Http.Json;
using Dialer.Core.Auth;
using Dialer.Core.Campaigns;
using Dialer.Core.Compliance.Consents;
using Dialer.Core.Data;
using Dialer.Core.Teams;
using Dialer.Tests.Recordings;
using Dialer.Worker.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dialer.Api.Privacy.ErasuresApi;

namespace Dialer.Tests.Privacy;

/// <summary>A person's consent records through an erasure and through retention: the words, reference and source go;
/// the proof that consent existed (kind, when, until when) and its withdrawal stay, and the withdrawal still binds the
/// number.</summary>
public sealed class ConsentErasureTests(RecordedCalls world) : IClassFixture<RecordedCalls>
{
    const string Words = "I, Ann Example of 12 Elm Street, agree to calls about offers";
    const string Source = "web form signed by ann.example@mail.example";
    const string Reference = "crm://consents/ann-example-7731";

    [Fact]
    public async Task An_erasure_clears_the_consents_personal_data_keeps_their_proof_and_a_withdrawal_still_binds()
    {
        var phone = $"+1206{Random.Shared.Next(200, 999)}{Random.Shared.Next(0, 10000):D4}";
        var given = Micro(DateTimeOffset.UtcNow.AddDays(-30));
        var withdrawn = Micro(DateTimeOffset.UtcNow.AddDays(-2));
        long contactId;
        await using (var db = world.Db())
        {
            var campaign = await PrivacyData.CampaignAsync(db, await PrivacyData.TeamAsync(db),
                CampaignStatus.Stopped);
            var (contact, _) = await PrivacyData.CalledContactAsync(db, campaign.Id, phone,
                DateTimeOffset.UtcNow.AddHours(-3));
            contactId = contact.Id;
            db.Consents.AddRange(Consent(contact.Id, campaign.Id, ConsentKind.MarketingCalls, given),
                Consent(contact.Id, campaign.Id, ConsentKind.Prerecorded, given, withdrawn));
            await db.SaveChangesAsync();
        }

        var answer = await world.Api.ClientAs(Role.Admin).PostAsJsonAsync("/api/erasures", new { phone });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(2, (await answer.Content.ReadFromJsonAsync<ErasureResponse>())!.Consents);

        await using var after = world.Db();
        // no column of the records holds the number, the words, the reference or the source in clear
        var rows = await RowsAsTextAsync(after, contactId);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.DoesNotContain(phone[2..], row));
        Assert.All(rows, row => Assert.DoesNotContain("Ann", row));
        Assert.All(rows, row => Assert.DoesNotContain("crm://", row));
        Assert.All(rows, row => Assert.DoesNotContain("mail.example", row));
        var records = await after.Consents.AsNoTracking().Where(c => c.ContactId == contactId).OrderBy(c => c.Kind)
            .ToListAsync();
        Assert.All(records, r => Assert.Equal((ContactConsent.Erased, null, null, given, true),
            (r.Source, r.Text, r.Reference, r.GivenAt, r.PhoneHash is { Length: 32 })));
        Assert.Equal([ConsentKind.MarketingCalls, ConsentKind.Prerecorded], records.Select(r => r.Kind));
        Assert.Equal([null, withdrawn], records.Select(r => r.WithdrawnAt));
        Assert.Equal("letter", records[1].WithdrawnHow);

        // the person turns up again in a new list with the consent they had withdrawn: it is still withdrawn there;
        // a consent given after the withdrawal holds
        var again = await NewContactAsync(after, phone);
        after.Consents.Add(Consent(again, Guid.Empty, ConsentKind.Prerecorded, given.AddDays(1)));
        after.Consents.Add(Consent(again, Guid.Empty, ConsentKind.MarketingCalls, given.AddDays(1)));
        await after.SaveChangesAsync();
        Assert.Equal(ConsentKinds.MarketingCalls, await ConsentsHeld.ForAsync(after, again, DateTimeOffset.UtcNow,
            default));
        var renewed = await NewContactAsync(after, phone);
        after.Consents.Add(Consent(renewed, Guid.Empty, ConsentKind.Prerecorded, withdrawn.AddHours(1)));
        await after.SaveChangesAsync();
        Assert.Equal(ConsentKinds.Prerecorded, await ConsentsHeld.ForAsync(after, renewed, DateTimeOffset.UtcNow,
            default));
    }

    [Fact]
    public async Task Retention_clears_the_consents_of_the_contacts_it_anonymises()
    {
        var old = Micro(DateTimeOffset.UtcNow.AddDays(-800));
        long contactId;
        await using (var db = world.Db())
        {
            var campaign = await PrivacyData.CampaignAsync(db, Team.DefaultId, CampaignStatus.Completed);
            var (contact, _) = await PrivacyData.CalledContactAsync(db, campaign.Id,
                $"+1206{Random.Shared.Next(200, 999)}{Random.Shared.Next(0, 10000):D4}", old);
            contactId = contact.Id;
            db.Consents.Add(Consent(contact.Id, campaign.Id, ConsentKind.MarketingCalls, old.AddDays(-5), old));
            await db.SaveChangesAsync();
        }

        await using (var scope = world.Worker.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<Retention>().SweepAsync(default) >= 1);

        await using var after = world.Db();
        var record = await after.Consents.AsNoTracking().SingleAsync(c => c.ContactId == contactId);
        Assert.Equal((ContactConsent.Erased, null, null, old, true),
            (record.Source, record.Text, record.Reference, record.WithdrawnAt, record.PhoneHash is { Length: 32 }));
        Assert.All(await RowsAsTextAsync(after, contactId), row => Assert.DoesNotContain("Ann", row));
    }

    /// <summary>PostgreSQL keeps microseconds.</summary>
    static DateTimeOffset Micro(DateTimeOffset t) => new(t.Ticks - t.Ticks % 10, t.Offset);

    static ContactConsent Consent(long contactId, Guid campaignId, string kind, DateTimeOffset given,
        DateTimeOffset? withdrawn = null) => new()
        {
            ContactId = contactId, CampaignId = campaignId, Kind = kind, Source = Source, GivenAt = given,
            Text = Words, Reference = Reference, RecordedAt = given, RecordedBy = "import", WithdrawnAt = withdrawn,
            WithdrawnHow = withdrawn is null ? null : "letter", WithdrawnBy = withdrawn is null ? null : "user-1",
        };

    static async Task<long> NewContactAsync(DialerDb db, string phone)
    {
        var campaign = await PrivacyData.CampaignAsync(db, Team.DefaultId, CampaignStatus.Draft);
        var (contact, _) = await PrivacyData.CalledContactAsync(db, campaign.Id, phone, DateTimeOffset.UtcNow);
        return contact.Id;
    }

    static Task<List<string>> RowsAsTextAsync(DialerDb db, long contactId) => db.Database.SqlQuery<string>(
        $"SELECT row_to_json(k)::text AS \"Value\" FROM contact_consents k WHERE k.contact_id = {contactId}")
        .ToListAsync();
}
