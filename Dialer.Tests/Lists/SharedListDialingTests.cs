using Dialer.Api.Lists;
using Dialer.Core.Campaigns;
using Dialer.Core.Contacts;
using Dialer.Core.Dialing;
using Dialer.Core.Lists;
using Dialer.Core.Teams;
using Dialer.Tests.Infrastructure;
using Dialer.TwilioSimulator.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Lists;

/// <summary>Every call ends busy at once, so a number comes round again fast.</summary>
public sealed class BusyWorld : DialingWorld
{
    protected override SimulatorOptions SimulatorSettings() =>
        FastSimulator(new OutcomeMix { Human = 0, Machine = 0, Busy = 1, NoAnswer = 0, Failed = 0 });
}

public sealed class SharedListDialingTests(BusyWorld world) : IClassFixture<BusyWorld>
{
    [Fact]
    public async Task A_list_attached_to_two_running_campaigns_never_has_one_number_dialed_by_both_at_once()
    {
        CampaignSettings Generous(CampaignSettings s) => s with { MaxAttempts = 20, MaxAttemptsPer24Hours = 20 };
        var (first, _) = await world.RunningCampaignAsync(0, Generous);
        var (second, _) = await world.RunningCampaignAsync(0, Generous);
        var phones = await ListOnBothAsync(first.Id, second.Id, 30);

        // rounds of both campaigns claiming at once, each wanting every number; between rounds time passes. A claim
        // holds each number's lock to its commit, so the other, waiting on its first number, then finds them all
        // taken: a round often goes wholly to one campaign, whichever locked first
        for (var round = 0; round < 4; round++)
            await RoundAsync([first.Id, second.Id], world.DialAsync(first, 30), world.DialAsync(second, 30));
        // then each alone, so that every number comes to both, one after the other, whoever won the races
        await RoundAsync([first.Id, second.Id], world.DialAsync(first, 30));
        await RoundAsync([first.Id, second.Id], world.DialAsync(second, 30));

        var calls = phones.SelectMany(p => world.Simulator.Calls.Snapshot(p)).ToList();
        Assert.True(calls.Count >= 40, $"only {calls.Count} calls placed");
        foreach (var number in calls.GroupBy(c => c.To))
        {
            var ordered = number.OrderBy(c => c.CreatedAt).ToList();
            for (var i = 1; i < ordered.Count; i++)
                Assert.True(ordered[i - 1].EndTime is { } end && end <= ordered[i].CreatedAt,
                    $"two calls to one number at once: {ordered[i - 1].Sid} and {ordered[i].Sid}");
        }
        await using var check = world.Db();
        var byCampaign = await check.CallAttempts.Where(a => a.CampaignId == first.Id || a.CampaignId == second.Id)
            .Join(check.Contacts, a => a.ContactId, c => c.Id, (a, c) => new { c.Phone, a.CampaignId })
            .Distinct().GroupBy(x => x.Phone).CountAsync(g => g.Count() == 2);
        Assert.Equal(phones.Count, byCampaign); // every number, by both campaigns, one after the other
    }

    /// <summary>The claims' calls, all ended; then time passes: every waiting contact of the campaigns is due.
    /// </summary>
    async Task RoundAsync(Guid[] campaigns, params Task<List<CallAttempt>>[] claims)
    {
        var attempts = (await Task.WhenAll(claims)).SelectMany(c => c).ToList();
        await world.WaitForAttemptsAsync(attempts.Select(a => a.Id), a => a.IsFinal, TimeSpan.FromSeconds(60));
        await using var db = world.Db();
        await db.Contacts.Where(c => campaigns.Contains(c.CampaignId) && c.Status == ContactStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.NextAttemptAt, DateTimeOffset.UtcNow));
    }

    /// <summary>A team list of <paramref name="count"/> numbers, attached to both campaigns as the Api attaches.
    /// </summary>
    async Task<List<string>> ListOnBothAsync(Guid first, Guid second, int count)
    {
        await using var db = world.Db();
        var list = new ContactList
        {
            Id = Guid.CreateVersion7(), TeamId = Team.DefaultId, Name = "shared", CreatedAt = DateTimeOffset.UtcNow,
            UploadedAt = DateTimeOffset.UtcNow, RowCount = count,
        };
        db.ContactLists.Add(list);
        var phones = Enumerable.Range(0, count).Select(i => $"+1415{Random.Shared.Next(200, 999)}{i:D4}").ToList();
        db.ContactListRows.AddRange(phones.Select(p => new ContactListRow
        {
            ListId = list.Id, Phone = p, TimeZones = [DialingWorld.ZoneOpenNow()],
        }));
        await db.SaveChangesAsync();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            foreach (var campaign in new[] { first, second })
            {
                var attachment = new CampaignList
                {
                    CampaignId = campaign, ListId = list.Id, AttachedAt = DateTimeOffset.UtcNow, AttachedBy = "test",
                };
                db.CampaignLists.Add(attachment);
                await db.SaveChangesAsync();
                var (added, _) = await ListAttachment.CopyRowsAsync(db, attachment, DateTimeOffset.UtcNow, default);
                Assert.Equal(count, added);
            }
            await tx.CommitAsync();
        });
        return phones;
    }
}
