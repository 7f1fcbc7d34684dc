using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dialer.Core.Auth;
using Dialer.Core.Campaigns;
using Dialer.Core.Compliance;
using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Dialer.Core.Dialing;
using Dialer.Core.Lists;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Lists;

/// <summary>
/// A campaign ordered by local time, claimed on real PostgreSQL at generated instants (DST change days among them):
/// callbacks, then retries, then each list's fresh contacts with the open windows first, soonest closing first, the
/// closed last; and a campaign without it claimed by the very query it always was.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class LocalTimeClaimTests(ApiFactory api)
{
    readonly HttpClient _marketer = api.ClientAs(Role.Marketer);

    /// <summary>Numbers whose first zone is one of several: New York, Chicago, Denver, Phoenix, Los Angeles,
    /// Anchorage, Honolulu, London, Madrid, Sydney, Tokyo.</summary>
    static readonly string[] Prefixes =
    [
        "+1212555", "+1312555", "+1303555", "+1602555", "+1415555", "+1907555", "+1808555", "+44207946",
        "+3491555", "+6129555", "+81355550",
    ];

    static string Rows(Random random, int count, int block) => "phone\n" + string.Concat(Enumerable.Range(0, count)
        .Select(i => $"{Prefixes[random.Next(Prefixes.Length)]}{block}{i:D3}\n"));

    static JsonObject Campaign(string by)
    {
        var body = ApiCalls.ValidCampaign("local " + Guid.NewGuid());
        body["callingWindow"] = JsonNode.Parse("""
            {"start":"08:00:00","end":"21:00:00",
             "days":["sunday","monday","tuesday","wednesday","thursday","friday","saturday"]}
            """);
        body["leadOrder"] = new JsonObject { ["by"] = by };
        return body;
    }

    [Fact]
    public async Task Open_windows_closing_soonest_come_first_in_each_list_after_callbacks_and_retries()
    {
        var random = new Random(2027);
        var body = Campaign("upload");
        var campaign = await _marketer.CreateCampaignAsync(body);
        var first = await _marketer.ListWithAsync(Rows(random, 60, 1));
        var second = await _marketer.ListWithAsync(Rows(random, 40, 2));
        (await _marketer.AttachAsync(campaign, first, priority: 0)).EnsureSuccessStatusCode();
        (await _marketer.AttachAsync(campaign, second, priority: 3)).EnsureSuccessStatusCode();
        (await _marketer.UploadCsvAsync(campaign, Rows(random, 30, 3))).EnsureSuccessStatusCode();
        body["leadOrder"] = new JsonObject { ["by"] = "localTime" };
        (await _marketer.PutAsJsonAsync($"/api/campaigns/{campaign}", body)).EnsureSuccessStatusCode();

        await using var db = api.Database.CreateDb();
        Assert.Matches("^lead order by the customer's local time: 1[0-9][0-9] fresh contacts placed$", await db
            .CampaignChanges.Where(c => c.CampaignId == campaign && c.Action == "lead-order").Select(c => c.Note)
            .SingleAsync());
        var ids = await db.Contacts.Where(c => c.CampaignId == campaign).OrderBy(c => c.Id).Select(c => c.Id)
            .ToListAsync();
        var (callbacks, retries, late) = (ids[..2], ids[2..4], ids[4..7]); // late: fresh, due on a real clock
        await db.Contacts.Where(c => callbacks.Contains(c.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Priority, DialPriority.Callback));
        await db.Contacts.Where(c => retries.Contains(c.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Priority, DialPriority.Retry).SetProperty(c => c.Attempts, 1));
        var settings = (await db.Campaigns.SingleAsync(c => c.Id == campaign)).Settings;
        Assert.Equal(LeadOrder.LocalTime, settings.LeadOrder.By);
        var zones = await db.Contacts.Where(c => c.CampaignId == campaign).Select(c => c.TimeZones[0]).Distinct()
            .CountAsync();
        Assert.True(zones >= 8, $"{zones} zones");

        for (var run = 0; run < 24; run++)
        {
            var now = LocalTimeOrderPropertyTests.Instant(random);
            foreach (var (group, ago) in new[] { (callbacks, 5), (retries, 4), (late, 3) })
                await db.Contacts.Where(c => group.Contains(c.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.NextAttemptAt, now.AddMinutes(-ago)));
            var claimed = await ClaimAllAsync(campaign, now, random.Next(1, 9));
            Assert.Equal(ids.Count, claimed.Count);
            Assert.Equal(ids.Count, claimed.Select(c => c.Id).Distinct().Count());

            Assert.Equal(callbacks, claimed[..2].Select(c => c.Id).Order());
            Assert.Equal(retries, claimed[2..4].Select(c => c.Id).Order());
            Assert.Equal(late, claimed[^3..].Select(c => c.Id).Order()); // after every list minute
            var fresh = claimed[4..^3];
            Assert.All(fresh, c => Assert.True(c.NextAttemptAt < CampaignList.FreshDueAt(FreshOrder.DirectMinute + 1)));
            var minutes = fresh.Select(Minute).ToList();
            Assert.Equal(minutes.Order(), minutes); // list by list, the campaign's own after
            foreach (var minute in fresh.GroupBy(Minute))
            {
                var closes = minute.Select(c => LocalTimeOrderPropertyTests.ClosesAt(settings.CallingWindow,
                    c.TimeZones.FirstOrDefault() ?? "", now, DialLead.Default.AtClaim)).ToList();
                var open = closes.TakeWhile(c => c is not null).ToList();
                Assert.All(closes.Skip(open.Count), c => Assert.Null(c));
                Assert.True(open.Order().SequenceEqual(open), $"run {run} at {now:u}: {string.Join(", ", open)}");
            }
        }
    }

    static int Minute(Contact c) => (int)((c.NextAttemptAt!.Value - CampaignList.ListClock).Ticks
        / TimeSpan.TicksPerMinute);

    /// <summary>Every due contact in the claim's order, a page of <paramref name="page"/> at a time as the claim pages,
    /// locked in a transaction rolled back.</summary>
    async Task<List<Contact>> ClaimAllAsync(Guid campaignId, DateTimeOffset now, int page)
    {
        await using var db = api.Database.CreateDb();
        return await RolledBackAsync(db, async () =>
        {
            var campaign = await db.Campaigns.SingleAsync(c => c.Id == campaignId);
            var ranges = await DueRanges.ForAsync(db, campaign, now, DialLead.Default.AtClaim, default);
            var all = new List<Contact>();
            DueRanges.Key? after = null;
            while (await ranges.LockAsync(db, campaignId, now, page, after, default) is { Count: > 0 } next)
            {
                all.AddRange(next);
                after = ranges.KeyOf(next[^1]);
            }
            return all;
        });
    }

    static Task<T> RolledBackAsync<T>(DialerDb db, Func<Task<T>> work) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var result = await work();
            await transaction.RollbackAsync();
            return result;
        });

    [Fact]
    public async Task The_pacers_claim_dials_the_soonest_closing_open_zone_first_after_a_callback_and_a_retry()
    {
        var campaign = await _marketer.CreateCampaignAsync(Campaign("localTime"));
        // a Wednesday 19:30 UTC: 15:30 in New York, 12:30 in Los Angeles, 09:30 in Honolulu, 04:30 in Tokyo
        var now = new DateTimeOffset(2026, 6, 17, 19, 30, 0, TimeSpan.Zero);
        var list = await _marketer.ListWithAsync("phone\n" + string.Concat(new[]
            { "+1808555", "+1415555", "+81355550", "+1212555", "+1303555" }
            .SelectMany(p => Enumerable.Range(0, 3).Select(i => $"{p}010{i}\n"))));
        (await _marketer.AttachAsync(campaign, list)).EnsureSuccessStatusCode();
        await using var db = api.Database.CreateDb();
        await db.Campaigns.Where(c => c.Id == campaign)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CampaignStatus.Running));
        await db.Contacts.Where(c => c.CampaignId == campaign && c.Phone == "+14155550102").ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Priority, DialPriority.Callback).SetProperty(c => c.NextAttemptAt, now.AddHours(-1)));
        await db.Contacts.Where(c => c.CampaignId == campaign && c.Phone == "+18085550102").ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Priority, DialPriority.Retry).SetProperty(c => c.Attempts, 1)
            .SetProperty(c => c.NextAttemptAt, now.AddMinutes(-1)));

        var (permitted, _) = await RolledBackAsync(db, async () => await new ContactClaimer(db).LockPermittedAsync(
            await db.Campaigns.SingleAsync(c => c.Id == campaign), 11, now, default));

        // New York closes first, then Denver, Los Angeles, Honolulu; Tokyo is closed (deferred, not dialed)
        Assert.Equal(["+14155550102", "+18085550102", "+12125550100", "+12125550101", "+12125550102",
            "+13035550100", "+13035550101", "+13035550102", "+14155550100", "+14155550101", "+18085550100"],
            permitted.Select(c => c.Phone));
    }

    [Fact]
    public async Task A_campaign_without_local_time_is_claimed_by_the_query_it_always_was()
    {
        var campaign = await _marketer.CreateCampaignAsync(Campaign("upload"));
        var list = await _marketer.ListWithAsync(Rows(new Random(8), 20, 4));
        (await _marketer.AttachAsync(campaign, list)).EnsureSuccessStatusCode();
        (await _marketer.UploadCsvAsync(campaign, Rows(new Random(9), 10, 5))).EnsureSuccessStatusCode();

        var commands = new CommandLog();
        var options = new DbContextOptionsBuilder<DialerDb>();
        options.UseDialerDb(api.Database.ConnectionString).AddInterceptors(commands);
        await using var db = new DialerDb(options.Options);
        Assert.False(await db.ZoneSlots.AnyAsync(s => s.CampaignId == campaign)); // no slot was given
        var stored = await db.Contacts.AsNoTracking().Where(c => c.CampaignId == campaign).ToListAsync();
        await db.Campaigns.Where(c => c.Id == campaign)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CampaignStatus.Running));
        commands.Texts.Clear();

        var now = DateTimeOffset.UtcNow;
        var (_, scanned) = await RolledBackAsync(db, async () => await new ContactClaimer(db).LockPermittedAsync(
            await db.Campaigns.SingleAsync(c => c.Id == campaign), 40, now, default, scan: 40));

        Assert.Equal(stored.Count, scanned); // every one due, in one page
        var claims = commands.Texts.Where(t => t.Contains("FOR UPDATE SKIP LOCKED")).ToList();
        Assert.Equal(Normalised(DueContactsSql), Normalised(Assert.Single(claims)));
        Assert.DoesNotContain(commands.Texts, t => t.Contains("campaign_zone_slots") || t.Contains("campaign_lists"));
        // and the order is the claim's as it always was: kind, due time, id
        Assert.Equal(stored.OrderBy(c => c.Priority).ThenBy(c => c.NextAttemptAt).ThenBy(c => c.Id).Select(c => c.Id),
            (await api.Database.FirstAsync(campaign, 40)).Select(c => c.Id));
    }

    static string Normalised(string sql) => string.Join(' ', sql.Split((char[])[' ', '\n', '\r'],
        StringSplitOptions.RemoveEmptyEntries));

    /// <summary><see cref="DueContacts"/>' query as it was before local-time ordering, as EF Core sends it.</summary>
    const string DueContactsSql = """
        SELECT c.* FROM unnest(@p0) AS q(priority)
        CROSS JOIN LATERAL (
          SELECT * FROM contacts x
          WHERE x.campaign_id = @p1 AND x.status = 'Pending' AND x.priority = q.priority
            AND x.next_attempt_at <= @p2 AND (x.held_until IS NULL OR x.held_until <= @p3)
            AND (x.priority, x.next_attempt_at, x.id) > (@p4, @p5, @p6)
          ORDER BY x.next_attempt_at, x.id
          LIMIT @p7
          FOR UPDATE SKIP LOCKED) c
        LIMIT @p8
        """;

    [Fact]
    public async Task Local_time_takes_no_column_and_an_unknown_order_is_a_400_naming_it()
    {
        var body = Campaign("localTime");
        body["leadOrder"]!["column"] = "score";
        var response = await _marketer.PostAsJsonAsync("/api/campaigns", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("leadOrder.column"));
        body["leadOrder"] = new JsonObject { ["by"] = "localtime" };
        response = await _marketer.PostAsJsonAsync("/api/campaigns", body);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("leadOrder.by"));
    }
}
