using Dialer.Contracts;
using Dialer.Core.Contacts;
using Dialer.Core.Dialing;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Dialing;

/// <summary>A Worker whose unsent attempts are owned again after 4 s (10 minutes in production).</summary>
public sealed class StrandingWorld : DialingWorld
{
    protected override IDictionary<string, string?> WorkerSettings() =>
        new Dictionary<string, string?> { ["Twilio:StrandedAttemptSeconds"] = "4" };
}

public sealed class StrandedAttemptTests(StrandingWorld world) : IClassFixture<StrandingWorld>
{
    [Fact]
    public async Task A_PlaceCall_faulted_into_the_error_queue_strands_no_contact_and_the_contact_is_dialed_once_later()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(2);
        List<CallAttempt> attempts, settled;
        await RefuseDialsAsync(true);
        try
        {
            attempts = await world.DialAsync(campaign, 2);
            // nothing retries a database error: the PlaceCalls went to the error queue, their attempts are owned again
            var ids = attempts.Select(a => a.Id);
            settled = await world.WaitForAttemptsAsync(ids, a => a.IsFinal, TimeSpan.FromSeconds(30));
        }
        finally { await RefuseDialsAsync(false); }

        Assert.All(settled, a => Assert.Equal((AttemptState.Skipped, CallAttempt.NotSent), (a.State, a.Outcome)));
        await using (var db = world.Db())
            Assert.All(await db.Contacts.AsNoTracking().Where(c => c.CampaignId == campaign.Id).ToListAsync(),
                c => Assert.Equal((ContactStatus.Pending, 0), (c.Status, c.Attempts)));

        // the faulted messages replayed from the error queue find nothing to send; the contacts are claimed again
        await world.PublishAsync([.. attempts.Select(a => new PlaceCall(a.Id, campaign.Id))]);
        var again = await world.DialAsync(campaign, 2);
        var done = await world.WaitForAttemptsAsync(again.Select(a => a.Id), a => a.IsFinal);
        await Task.Delay(500);

        Assert.All(done, a => Assert.Equal(AttemptState.Completed, a.State));
        Assert.All(contacts, c => Assert.Single(world.Simulator.Calls.Snapshot(c.Phone)));
    }

    /// <summary>While on, every move of an attempt from Created to Dialing fails in PostgreSQL.</summary>
    async Task RefuseDialsAsync(bool on)
    {
        await using var db = world.Db();
        await db.Database.ExecuteSqlRawAsync(on
            ? """
              CREATE FUNCTION refuse_dial() RETURNS trigger LANGUAGE plpgsql
                  AS $$ BEGIN RAISE EXCEPTION 'injected fault: the database refuses the dial'; END $$;
              CREATE TRIGGER refuse_dial BEFORE UPDATE ON call_attempts FOR EACH ROW
                  WHEN (OLD.state = 0 AND NEW.state = 10) EXECUTE FUNCTION refuse_dial();
              """
            : "DROP TRIGGER refuse_dial ON call_attempts; DROP FUNCTION refuse_dial();");
    }
}
