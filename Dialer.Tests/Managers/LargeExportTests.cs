using System.Net.Http.Headers;
using Dialer.Core.Auth;
using Dialer.Core.Campaigns;
using Dialer.Tests.Infrastructure;
using Npgsql;

namespace Dialer.Tests.Managers;

/// <summary>Alone, after the parallel tests: its memory figure must be the export's, not its neighbours'.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LargeExportCollection : ICollectionFixture<ApiFactory>
{
    public const string Name = "large exports";
}

[Collection(LargeExportCollection.Name)]
public sealed class LargeExportTests(ApiFactory api)
{
    const int Contacts = 1_000_000;
    const long MemoryBudget = 48L * 1024 * 1024; // measured 16-21 MB; a buffered export of this size needs over 130

    [Theory]
    [InlineData("results.csv")]
    [InlineData("contacts/export")]
    public async Task A_million_contact_campaign_exports_as_a_stream_with_bounded_memory(string export)
    {
        var id = await MillionContactCampaignAsync();
        var client = api.ClientAs(Role.Manager);
        client.Timeout = TimeSpan.FromMinutes(5);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(true);
        long peak = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                await Task.Delay(10);
            }
        });

        using var response = await client.GetAsync($"/api/campaigns/{id}/{export}",
            HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        long lines = 0, bytes = 0;
        await using (var body = await response.Content.ReadAsStreamAsync())
        {
            var buffer = new byte[64 * 1024];
            for (int n; (n = await body.ReadAsync(buffer)) > 0;)
            {
                bytes += n;
                lines += buffer.AsSpan(0, n).Count((byte)'\n');
            }
        }
        await sampling.CancelAsync();
        await sampler;

        Assert.Equal(Contacts + 1, lines); // the header and every contact
        Assert.Null(response.Content.Headers.ContentLength); // streamed, not measured first
        Assert.Equal(new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" }.MediaType,
            response.Content.Headers.ContentType?.MediaType);
        Assert.True(peak - baseline < MemoryBudget,
            $"managed memory grew {(peak - baseline) / 1048576} MB while {bytes / 1048576} MB of CSV went out (budget "
                + $"{MemoryBudget / 1048576} MB)");
    }

    static Guid _campaign;
    static readonly SemaphoreSlim Seeding = new(1, 1);

    /// <summary>One campaign of a million finished contacts, every tenth with an attempt that an agent dispositioned;
    /// made once.</summary>
    async Task<Guid> MillionContactCampaignAsync()
    {
        await Seeding.WaitAsync();
        try
        {
            if (_campaign != Guid.Empty) return _campaign;
            var now = DateTimeOffset.UtcNow;
            await using (var db = api.Database.CreateDb())
            {
                var campaign = Campaign.Create(
                    new CampaignSettings { Name = "a million contacts", CallerId = "+14155550100" }, now);
                db.Campaigns.Add(campaign);
                await db.SaveChangesAsync();
                _campaign = campaign.Id;
            }
            await using var connection = new NpgsqlConnection(api.Database.ConnectionString);
            await connection.OpenAsync();
            await using var seed = new NpgsqlCommand("""
                INSERT INTO contacts (campaign_id, phone, name, time_zones, status, attempts, last_attempt_at,
                                      last_outcome, created_at, priority)
                SELECT @campaign, '+1415' || lpad(i::text, 7, '0'), 'contact ' || i, '{America/New_York}', 'Done', 1,
                       @now, 'completed', @now, 2
                  FROM generate_series(1, @n) i;
                INSERT INTO call_attempts (id, campaign_id, contact_id, state, created_at, dialed_at, answered_at,
                                           answered_by, ended_at, outcome, disposition, last_sequence_number,
                                           live_answer, abandoned, converted)
                SELECT gen_random_uuid(), @campaign, c.id, 100, @now, @now, @now, 'human', @now, 'completed', 'sale',
                       -1, true, false, true
                  FROM contacts c WHERE c.campaign_id = @campaign AND c.id % 10 = 0;
                ANALYZE contacts; ANALYZE call_attempts;
                """, connection) { CommandTimeout = 600 };
            seed.Parameters.AddWithValue("campaign", _campaign);
            seed.Parameters.AddWithValue("now", now);
            seed.Parameters.AddWithValue("n", Contacts);
            await seed.ExecuteNonQueryAsync();
            return _campaign;
        }
        finally { Seeding.Release(); }
    }
}
