using System.Diagnostics;
using Dialer.Api.Lists;
using Dialer.Core.Campaigns;
using Dialer.Core.Changes;
using Dialer.Core.Data;
using Dialer.Core.Lists;
using Dialer.Core.Teams;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dialer.Bench.TwoLists;

/// <summary>
/// One team's list of <c>rows</c> numbers, made by one INSERT … SELECT generate_series in blocks of numbers whose
/// calling hours are open for the run, and two running campaigns it is attached to through the Api's own attach
/// (<see cref="ListAttacher"/>).
/// </summary>
public sealed class TwoListsWorld(string connectionString)
{
    readonly DbContextOptions<DialerDb> _options = (DbContextOptions<DialerDb>)new DbContextOptionsBuilder<DialerDb>()
        .UseDialerDb(connectionString).Options;

    public DialerDb Db() => new(_options);

    public sealed record Ready(Campaign[] Campaigns, Guid ListId, List<NumberRange> Ranges, double GenerateSeconds,
        double[] AttachSeconds);

    /// <param name="open">how long every generated number must stay inside its calling hours</param>
    public async Task<Ready> MakeAsync(int rows, TimeSpan open, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var settings = Settings("twolists A");
        var ranges = NumberRange.OpenFor(settings, now, open, rows);
        if (ranges.Count == 0) throw new InvalidOperationException("no block of numbers is inside its calling hours");

        await using var db = Db();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        var list = new ContactList
        {
            Id = Guid.CreateVersion7(now), TeamId = Team.DefaultId, Name = $"twolists {rows}", DefaultRegion = "US",
            CreatedAt = now, UploadStartedAt = now, UploadedAt = now, RowCount = rows,
        };
        db.ContactLists.Add(list);
        var campaigns = new[] { Campaign.Create(settings, now), Campaign.Create(Settings("twolists B"), now) };
        foreach (var c in campaigns) c.Status = CampaignStatus.Running;
        db.Campaigns.AddRange(campaigns);
        await db.SaveChangesAsync(ct);

        var generate = Stopwatch.StartNew();
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO contact_list_rows (list_id, phone, name, time_zones)
            SELECT @list, p.prefix[k] || (p.start[k] + i / @n)::text, 'Contact ' || i,
                   string_to_array(p.zones[k], ',')
            FROM generate_series(0, @rows - 1) AS i,
                 LATERAL (SELECT (i % @n)::int + 1 AS k) AS kk,
                 (SELECT @prefixes::text[] AS prefix, @starts::bigint[] AS start, @zones::text[] AS zones) AS p
            ORDER BY i
            """, [new NpgsqlParameter("list", list.Id), new NpgsqlParameter("rows", rows),
            new NpgsqlParameter("n", ranges.Count),
            new NpgsqlParameter("prefixes", ranges.Select(r => r.Prefix).ToArray()),
            new NpgsqlParameter("starts", ranges.Select(r => r.Start).ToArray()),
            new NpgsqlParameter("zones", ranges.Select(r => string.Join(',', r.Zones)).ToArray())], ct);
        await db.Database.ExecuteSqlRawAsync("ANALYZE contact_list_rows", ct);
        var generated = generate.Elapsed.TotalSeconds;

        var attachSeconds = new double[campaigns.Length];
        for (var i = 0; i < campaigns.Length; i++)
        {
            await using var attachDb = Db();
            attachDb.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            var attaching = Stopwatch.StartNew();
            var attached = await ListAttacher.AttachAsync(attachDb, new StateChanges(attachDb, new(), clock),
                new CampaignHistory(attachDb, clock, new SystemAuthor()), campaigns[i], list, new CampaignList
                {
                    CampaignId = campaigns[i].Id, ListId = list.Id, AttachedAt = clock.GetUtcNow(),
                    AttachedBy = "twolists",
                }, ct);
            attachSeconds[i] = attaching.Elapsed.TotalSeconds;
            if (attached?.Added != rows)
                throw new InvalidOperationException($"attach added {attached?.Added} contacts of {rows}");
        }
        await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE contacts", ct);
        return new Ready(campaigns, list.Id, ranges, generated, attachSeconds);
    }

    static CampaignSettings Settings(string name) => new()
    {
        Name = name, CallerId = "+14155550100",
        CallingWindow = new CallingWindow { Days = Enum.GetValues<DayOfWeek>() },
    };
}
