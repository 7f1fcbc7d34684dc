using Dialer.Core.Campaigns;
using Dialer.Core.Contacts;
using Dialer.Core.Recordings;
using Dialer.Core.Teams;
using Dialer.Tests.Recordings;
using Dialer.Worker.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dialer.Tests.Privacy;

/// <summary>The retention sweep: old contacts of finished campaigns lose their personal data, once, in shared batches.
/// </summary>
public sealed class RetentionTests(RecordedCalls world) : IClassFixture<RecordedCalls>
{
    [Fact]
    public async Task Old_contacts_of_finished_campaigns_are_anonymised_once_and_live_campaigns_are_left_alone()
    {
        var old = DateTimeOffset.UtcNow.AddDays(-800);
        List<long> due = [], kept = [];
        Guid stoppedId;
        Guid recordingId;
        long abandonedBefore;
        await using (var db = world.Db())
        {
            var stopped = await PrivacyData.CampaignAsync(db, Team.DefaultId, CampaignStatus.Stopped);
            var completed = await PrivacyData.CampaignAsync(db, Team.DefaultId, CampaignStatus.Completed);
            var running = await PrivacyData.CampaignAsync(db, Team.DefaultId, CampaignStatus.Running);
            var paused = await PrivacyData.CampaignAsync(db, Team.DefaultId, CampaignStatus.Paused);
            stoppedId = stopped.Id;
            for (var i = 0; i < 4; i++)
                due.Add((await PrivacyData.CalledContactAsync(db, i < 3 ? stopped.Id : completed.Id, Phone(),
                    old)).Contact.Id);
            kept.Add((await PrivacyData.CalledContactAsync(db, stopped.Id, Phone(),
                DateTimeOffset.UtcNow.AddDays(-10))).Contact.Id);
            kept.Add((await PrivacyData.CalledContactAsync(db, running.Id, Phone(), old)).Contact.Id);
            kept.Add((await PrivacyData.CalledContactAsync(db, paused.Id, Phone(), old)).Contact.Id);
            // a recording Twilio no longer has: deleted there already, so marked
            var attempt = await db.CallAttempts.FirstAsync(a => a.ContactId == due[0]);
            var recording = CallRecording.Started(attempt.Id, stopped.Id, null, "RE" + Guid.NewGuid().ToString("N"),
                3650, old);
            recordingId = recording.Id;
            db.CallRecordings.Add(recording);
            await db.SaveChangesAsync();
            abandonedBefore = await PrivacyData.AbandonedInAsync(db, stopped.Id);
        }

        // two sweeps at once (as two Workers would), in batches of two, then one more
        var together = await Task.WhenAll(SweepAsync(), SweepAsync());
        var again = await SweepAsync();

        Assert.Equal((4, 0), (together.Sum(), again));
        await using var after = world.Db();
        var contacts = await after.Contacts.AsNoTracking().Where(c => due.Contains(c.Id) || kept.Contains(c.Id))
            .ToListAsync();
        Assert.All(contacts.Where(c => due.Contains(c.Id)), c => Assert.Equal((true, null, ContactStatus.Suppressed),
            (c.AnonymisedAt is not null, c.Name, c.Status)));
        Assert.All(contacts.Where(c => kept.Contains(c.Id)),
            c => Assert.Equal((false, "Ann Example"), (c.AnonymisedAt is not null, c.Name)));
        var attempts = await after.CallAttempts.AsNoTracking().Where(a => due.Contains(a.ContactId)).ToListAsync();
        Assert.All(attempts, a => Assert.Equal((null, true), (a.DispositionNotes, a.PhoneHash is not null)));
        Assert.Equal(abandonedBefore, await PrivacyData.AbandonedInAsync(after, stoppedId));
        Assert.Equal(RecordingStatus.Deleted,
            (await after.CallRecordings.AsNoTracking().SingleAsync(r => r.Id == recordingId)).Status);
    }

    static string Phone() => $"+1206{Random.Shared.Next(200, 999)}{Random.Shared.Next(0, 10000):D4}";

    async Task<int> SweepAsync()
    {
        await using var scope = world.Worker.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Retention>().SweepAsync(CancellationToken.None);
    }
}
