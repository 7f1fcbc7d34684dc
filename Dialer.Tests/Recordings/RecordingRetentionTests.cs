using System.Net;
using Dialer.Core.Auth;
using Dialer.Core.Recordings;
using Dialer.Worker.Recordings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dialer.Tests.Recordings;

/// <summary>The retention sweep: recordings past their time go at the simulator and are marked; twice, or two at once,
/// changes nothing more.</summary>
public sealed class RecordingRetentionTests(RecordedCalls world) : IClassFixture<RecordedCalls>
{
    [Fact]
    public async Task Recordings_past_their_time_are_deleted_at_Twilio_and_marked_once_however_many_sweeps_run()
    {
        var (expired, _, _, recording) = await world.RecordedCallAsync(retentionDays: 1);
        var (_, _, _, kept) = await world.RecordedCallAsync(retentionDays: 1);
        Guid[] goneAlready;
        await using (var db = world.Db())
        {
            await db.CallRecordings.Where(r => r.Id == recording.Id)
                .ExecuteUpdateAsync(r => r.SetProperty(x => x.DeleteAfter, DateTimeOffset.UtcNow.AddMinutes(-1)));
            // recordings Twilio no longer has (deleted in its console, or by a sweep that could not mark them): a 404
            // there counts as deleted
            var missing = Enumerable.Range(0, 3)
                .Select(_ => CallRecording.Started(expired.Id, expired.CampaignId, expired.AgentId,
                "RE" + Guid.NewGuid().ToString("N"), retentionDays: 1, DateTimeOffset.UtcNow.AddDays(-2))).ToList();
            db.CallRecordings.AddRange(missing);
            await db.SaveChangesAsync();
            goneAlready = [.. missing.Select(m => m.Id)];
        }
        Assert.NotNull(world.Simulator.Recordings.Find(recording.RecordingSid));

        // two sweeps at once (as two Workers would), in batches of two (the world's setting), then one more
        var together = await Task.WhenAll(SweepAsync(), SweepAsync());
        var again = await SweepAsync();

        await using var after = world.Db();
        var rows = await after.CallRecordings.AsNoTracking()
            .Where(r => r.Id == recording.Id || r.Id == kept.Id || goneAlready.Contains(r.Id)).ToListAsync();
        Assert.Equal(4, together.Sum());
        Assert.Equal(0, again);
        Assert.All(rows.Where(r => r.Id != kept.Id),
            r => Assert.Equal((RecordingStatus.Deleted, true), (r.Status, r.DeletedAt is not null)));
        Assert.Equal(RecordingStatus.Completed, rows.Single(r => r.Id == kept.Id).Status);
        Assert.Null(world.Simulator.Recordings.Find(recording.RecordingSid));
        Assert.NotNull(world.Simulator.Recordings.Find(kept.RecordingSid));

        var played = await world.Api.ClientAs(Role.Manager).GetAsync($"/api/recordings/{recording.Id}/audio");
        Assert.Equal(HttpStatusCode.Gone, played.StatusCode);
        Assert.Contains("retention", await played.Content.ReadAsStringAsync());
    }

    async Task<int> SweepAsync()
    {
        await using var scope = world.Worker.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RecordingRetention>().SweepAsync(CancellationToken.None);
    }
}
