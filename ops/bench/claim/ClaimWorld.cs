using Dialer.Core.Campaigns;
using Dialer.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Dialer.Bench.Claim;

/// <summary>
/// One campaign of many contacts, made by SQL (generate_series): 40% done, 60% pending, of which one in four due now
/// and the rest due over the coming day; a few callbacks and retries among them, so the claim's order by priority
/// meets every kind. Made once per row count; each run puts back what the last one claimed.
/// </summary>
public sealed class ClaimWorld(string connectionString)
{
    readonly DbContextOptions<DialerDb> _options = (DbContextOptions<DialerDb>)new DbContextOptionsBuilder<DialerDb>()
        .UseDialerDb(connectionString).Options;

    public DialerDb Db() => new(_options);

    /// <summary>A context that prints each command's time: where one claim's time goes.</summary>
    public DialerDb TracedDb() => new((DbContextOptions<DialerDb>)new DbContextOptionsBuilder<DialerDb>()
        .UseDialerDb(connectionString)
        .LogTo(Console.Error.WriteLine, [RelationalEventId.CommandExecuted], LogLevel.Information).Options);

    public async Task<Campaign> ReadyAsync(long rows, string zone)
    {
        await using var db = Db();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        var campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Name == $"claim bench {rows}");
        if (campaign is null)
        {
            await db.Database.ExecuteSqlRawAsync("TRUNCATE campaigns CASCADE");
            campaign = Campaign.Create(new CampaignSettings
            {
                Name = $"claim bench {rows}", CallerId = "+14155550100",
                CallingWindow = new CallingWindow { Days = Enum.GetValues<DayOfWeek>() },
            }, DateTimeOffset.UtcNow);
            campaign.Status = CampaignStatus.Running;
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync();
            Console.Error.WriteLine($"claim bench: generating {rows:N0} contacts");
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO contacts (campaign_id, phone, time_zones, status, attempts, next_attempt_at, priority,
                                      created_at, skip_count)
                SELECT {campaign.Id}, '+1' || (2000000000 + i)::text, ARRAY[{zone}],
                       CASE WHEN i % 10 < 4 THEN 'Done' ELSE 'Pending' END, 0,
                       CASE WHEN i % 40 IN (5, 15, 25, 35) AND i % 10 >= 4 THEN now() - (i % 3600) * interval '1 s'
                            ELSE now() + (1 + i % 86400) * interval '1 s' END,
                       CASE WHEN i % 97 = 0 THEN 0 WHEN i % 7 = 0 THEN 1 ELSE 2 END,
                       now(), 0
                FROM generate_series(1, {rows}) AS i
                """);
        }
        // what the last run claimed is due again; the due contacts are in a zone where it is daytime now
        await db.Database.ExecuteSqlRawAsync("TRUNCATE call_attempts, outbox_messages CASCADE");
        await db.Database.ExecuteSqlAsync($"""
            UPDATE contacts SET status = 'Pending', attempts = 0, time_zones = ARRAY[{zone}]
            WHERE campaign_id = {campaign.Id} AND next_attempt_at <= now()
              AND (status = 'Dialing' OR time_zones <> ARRAY[{zone}])
            """);
        await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE contacts");
        return campaign;
    }

    public static string ZoneInDaytime()
    {
        var now = DateTimeOffset.UtcNow;
        return TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId && z.Id.Contains('/'))
            .First(z => TimeZoneInfo.ConvertTime(now, z).Hour is >= 10 and < 19).Id;
    }
}
