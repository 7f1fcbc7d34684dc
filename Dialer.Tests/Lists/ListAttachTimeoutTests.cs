using System.Diagnostics;
using Dialer.Api.Lists;
using Dialer.Core.Campaigns;
using Dialer.Core.Lists;
using Dialer.Core.Teams;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dialer.Tests.Lists;

/// <summary>
/// The attach's copy is a command of its own: it must run under the context's command timeout, which the attach
/// raises for a big list (<see cref="ListAttacher.Timeout"/>); it used to keep the connection's 30 s, so a list of a
/// million rows (ops/bench/twolists) could never be attached.
/// </summary>
public sealed class ListAttachTimeoutTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task The_copy_of_a_list_into_a_campaign_runs_under_the_contexts_command_timeout()
    {
        var now = DateTimeOffset.UtcNow;
        await using var db = database.CreateDb();
        var campaign = Campaign.Create(new CampaignSettings { Name = "timeout", CallerId = "+14155550100" }, now);
        var list = new ContactList
        {
            Id = Guid.CreateVersion7(), TeamId = Team.DefaultId, Name = "timeout", CreatedAt = now, UploadedAt = now,
            RowCount = 1,
        };
        db.Campaigns.Add(campaign);
        db.ContactLists.Add(list);
        db.ContactListRows.Add(new ContactListRow { ListId = list.Id, Phone = "+14155550123", TimeZones = ["UTC"] });
        var attachment = new CampaignList { CampaignId = campaign.Id, ListId = list.Id, AttachedAt = now };
        db.CampaignLists.Add(attachment);
        await db.SaveChangesAsync();

        // another transaction inserts the same number into the campaign and holds it: the copy waits on it
        await using var blocker = new NpgsqlConnection(database.ConnectionString);
        await blocker.OpenAsync();
        await using var held = await blocker.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO contacts (campaign_id, phone, time_zones, status, attempts, next_attempt_at, priority,
                                  created_at, skip_count)
            VALUES (@campaign, '+14155550123', ARRAY['UTC'], 'Pending', 0, now(), 2, now(), 0)
            """, blocker, held))
        {
            insert.Parameters.AddWithValue("campaign", campaign.Id);
            await insert.ExecuteNonQueryAsync();
        }

        db.Database.SetCommandTimeout(TimeSpan.FromSeconds(1));
        await using var tx = await db.Database.BeginTransactionAsync();
        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => ListAttachment.CopyRowsAsync(db, attachment, now,
            CancellationToken.None));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the copy waited {clock.Elapsed.TotalSeconds:F0} s");
        await held.RollbackAsync();
    }
}
