using Dialer.Core.Campaigns;
using Dialer.Core.Compliance.Consents;
using Dialer.Core.Contacts;
using Dialer.Tests.Infrastructure;

namespace Dialer.Tests.Compliance.Consents;

/// <summary>
/// What <see cref="ConsentsHeld"/> says on PostgreSQL against a judge written here, over generated contacts each with
/// generated consent records (a seeded generator: given, lapsing or not, withdrawn or not, of either kind): a consent
/// is held exactly when given by then, not lapsed, and not withdrawn.
/// </summary>
public sealed class ConsentExpiryPropertyTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    static readonly DateTimeOffset Now = new(2027, 6, 1, 12, 0, 0, TimeSpan.Zero);

    sealed record Record(string Kind, int GivenHoursAgo, int? LapsesHoursAfter, int? WithdrawnHoursAgo);

    static Record Generate(Random random) => new(
        random.Next(2) == 0 ? ConsentKind.MarketingCalls : ConsentKind.Prerecorded,
        random.Next(-48, 24 * 400),
        random.Next(2) == 0 ? null : random.Next(1, 24 * 400),
        random.Next(3) == 0 ? random.Next(-48, 24 * 400) : null);

    static DateTimeOffset GivenAt(Record r, int n) => Now.AddHours(-r.GivenHoursAgo).AddSeconds(n);

    /// <summary>Held: given by now, not lapsed, not withdrawn itself, and no withdrawal of its kind for the number
    /// recorded at or after its giving (a withdrawal binds every earlier consent of its kind).</summary>
    static ConsentKinds Judge(Record[] records)
    {
        var held = ConsentKinds.None;
        for (var n = 0; n < records.Length; n++)
        {
            var r = records[n];
            var given = GivenAt(r, n);
            var lapses = r.LapsesHoursAfter is { } l ? given.AddHours(l) : (DateTimeOffset?)null;
            var undone = records.Any(o => o.Kind == r.Kind && o.WithdrawnHoursAgo is { } w
                && Now.AddHours(-w) >= given);
            if (given <= Now && (lapses is null || lapses > Now) && r.WithdrawnHoursAgo is null && !undone)
                held |= r.Kind == ConsentKind.MarketingCalls ? ConsentKinds.MarketingCalls : ConsentKinds.Prerecorded;
        }
        return held;
    }

    [Fact]
    public async Task A_consent_is_held_only_between_its_giving_and_its_lapse_or_withdrawal()
    {
        var random = new Random(20270601);
        var cases = Enumerable.Range(0, 400)
            .Select(_ => Enumerable.Range(0, random.Next(0, 5)).Select(_ => Generate(random)).ToArray()).ToArray();
        await using var db = database.CreateDb();
        var campaign = Campaign.Create(new CampaignSettings { Name = "expiry" }, Now);
        db.Campaigns.Add(campaign);
        var contacts = cases.Select((_, i) => new Contact
        {
            CampaignId = campaign.Id, Phone = $"+3491555{i:D4}", TimeZones = ["Europe/Madrid"], CreatedAt = Now,
        }).ToList();
        db.Contacts.AddRange(contacts);
        await db.SaveChangesAsync();
        for (var i = 0; i < cases.Length; i++)
            for (var n = 0; n < cases[i].Length; n++)
            {
                var r = cases[i][n];
                var given = GivenAt(r, n); // distinct per contact and kind
                db.Consents.Add(new ContactConsent
                {
                    ContactId = contacts[i].Id, CampaignId = campaign.Id, Kind = r.Kind, Source = "generated",
                    GivenAt = given, ValidUntil = r.LapsesHoursAfter is { } l ? given.AddHours(l) : null,
                    Reference = "case", RecordedAt = Now, WithdrawnAt = r.WithdrawnHoursAgo is { } w
                        ? Now.AddHours(-w) : null,
                });
            }
        await db.SaveChangesAsync();

        var held = await ConsentsHeld.ForAsync(db, [.. contacts.Select(c => c.Id)], Now, default);

        var wrong = cases.Select((records, i) => (records, i))
            .Where(x => held.GetValueOrDefault(contacts[x.i].Id) != Judge(x.records))
            .Select(x => $"{string.Join(", ", x.records)}: held {held.GetValueOrDefault(contacts[x.i].Id)}, "
                + $"judged {Judge(x.records)}")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong.Take(5)));
        Assert.Contains(cases, c => c.Any(r => r.LapsesHoursAfter is { } l && r.GivenHoursAgo > l
            && r.WithdrawnHoursAgo is null)); // lapsed consents were generated, and judged not held
    }

    [Fact]
    public void A_consent_must_lapse_after_it_is_given()
    {
        var at = Now.AddDays(-1);
        var problems = new ConsentInput(ConsentKind.MarketingCalls, "web form", at, "yes", null, at).Problems(Now);
        Assert.Equal(["validUntil"], problems.Keys);
        Assert.Empty(new ConsentInput(ConsentKind.MarketingCalls, "web form", at, "yes", null, Now).Problems(Now));
    }
}
