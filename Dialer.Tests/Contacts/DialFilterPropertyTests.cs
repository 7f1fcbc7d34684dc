using System.Text.Json;
using Dialer.Core.Campaigns;
using Dialer.Core.Contacts;
using Dialer.Core.Contacts.Filters;
using Dialer.Core.Dialing;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Contacts;

/// <summary>
/// A campaign's dial filter on generated contacts and filters: the parking (SQL) and the claim's own check (in memory)
/// agree on every contact, and the claim never takes a contact outside the filter, even one made Pending behind the
/// parking's back. Real PostgreSQL; the claim as the pacer runs it (no call is placed: the Worker is not asked).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DialFilterPropertyTests(ApiFactory api)
{
    static readonly string[] Segments = ["gold", "silver", "bronze", "Gold", "gold "];
    static readonly string[] States = ["US-FL", "US-CA", "US-NY", "ES", "CA-ON"];
    static readonly string[] Filterable = ["state", "segment", "plan"];

    [Fact]
    public async Task No_contact_outside_the_filter_is_ever_claimed_and_parking_agrees_with_the_claim()
    {
        var random = new Random(2026);
        for (var run = 0; run < 15; run++)
        {
            var filter = RandomFilter(random);
            var (campaignId, contacts) = await CampaignWithAsync(random, filter);
            await using var db = api.Database.CreateDb();
            var (outside, _) = await DialFilterParking.ApplyAsync(db, campaignId, filter, default);

            var stored = await db.Contacts.AsNoTracking().Where(c => c.CampaignId == campaignId).ToListAsync();
            foreach (var c in stored)
            {
                var admitted = ContactFilter.Admits(filter, c);
                Assert.True(admitted == (c.Status != ContactStatus.Filtered),
                    $"run {run}: {string.Join(" and ", filter)}; contact {c.CustomFields} {c.StatedJurisdiction} "
                    + $"is {c.Status}, admitted in memory: {admitted}");
            }
            Assert.Equal(stored.Count(c => !ContactFilter.Admits(filter, c)), outside);

            // behind the parking's back (a retry, a recycle, an activation): every contact Pending again
            await db.Contacts.Where(c => c.CampaignId == campaignId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ContactStatus.Pending));
            var campaign = await db.Campaigns.SingleAsync(c => c.Id == campaignId);
            var claimer = new ContactClaimer(db);
            var claimed = new List<Contact>();
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync();
                var (permitted, _) = await claimer.LockPermittedAsync(campaign, contacts, DateTimeOffset.UtcNow,
                    default, scan: contacts * 2);
                claimed.AddRange(permitted);
                await db.SaveChangesAsync();
                await tx.CommitAsync();
            });
            Assert.All(claimed,
                c => Assert.True(ContactFilter.Admits(filter, c), $"claimed outside: {c.CustomFields}"));
            // the others inside it may be refused by the law of their state (hours, consent), never filtered
            var after = await db.Contacts.AsNoTracking().Where(c => c.CampaignId == campaignId).ToListAsync();
            Assert.All(after, c => Assert.Equal(!ContactFilter.Admits(filter, c), c.Status == ContactStatus.Filtered));

            // the filter removed: every filtered contact waits again
            var (_, back) = await DialFilterParking.ApplyAsync(db, campaignId, [], default);
            Assert.Equal(after.Count(c => c.Status == ContactStatus.Filtered), back);
        }
    }

    static ColumnCondition[] RandomFilter(Random random) =>
    [
        .. Enumerable.Range(0, random.Next(1, 3)).Select(_ =>
        {
            var column = Filterable[random.Next(Filterable.Length)];
            var pool = column == "state" ? ["FL", "ca", "US-NY", "ES", "ON"] : Segments;
            return new ColumnCondition(column, [.. pool.OrderBy(_ => random.Next()).Take(random.Next(1, 3))],
                random.Next(4) == 0);
        }),
    ];

    async Task<(Guid Campaign, int Contacts)> CampaignWithAsync(Random random, ColumnCondition[] filter)
    {
        await using var db = api.Database.CreateDb();
        var campaign = Campaign.Create(new CampaignSettings
        {
            Name = "filter", CallerId = "+14155550100", CallingWindow = DialingWorld.AlwaysOpen(), DialFilter = filter,
            MaxAttemptsPer24Hours = 5,
        }, DateTimeOffset.UtcNow);
        campaign.Status = CampaignStatus.Running;
        db.Campaigns.Add(campaign);
        var count = random.Next(20, 60);
        var prefix = random.Next(200, 999);
        db.Contacts.AddRange(Enumerable.Range(0, count).Select(i => new Contact
        {
            CampaignId = campaign.Id, Phone = $"+1415{prefix}{i:D4}", TimeZones = [DialingWorld.ZoneOpenNow()],
            StatedJurisdiction = random.Next(4) == 0 ? null : States[random.Next(States.Length)],
            CustomFields = Fields(random), Status = ContactStatus.Pending,
            NextAttemptAt = DateTimeOffset.UtcNow.AddMinutes(-1), CreatedAt = DateTimeOffset.UtcNow,
        }));
        await db.SaveChangesAsync();
        return (campaign.Id, count);
    }

    static string? Fields(Random random)
    {
        if (random.Next(6) == 0) return null;
        var fields = new Dictionary<string, string>();
        if (random.Next(5) > 0) fields["segment"] = Segments[random.Next(Segments.Length)];
        if (random.Next(2) == 0) fields["plan"] = Segments[random.Next(Segments.Length)];
        if (random.Next(3) == 0) fields["other"] = "gold";
        return JsonSerializer.Serialize(fields);
    }
}
