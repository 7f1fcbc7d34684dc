using Dialer.Core.Campaigns;
using Dialer.Core.Contacts;
using Dialer.Core.Dialing;
using Dialer.Core.Pacing;
using Dialer.Core.Scheduling;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dialer.Tests.Scheduling;

public sealed class SchedulingWorld : DialingWorld;

public sealed class PacingLoopTests(SchedulingWorld world) : IClassFixture<SchedulingWorld>
{
    async Task StartAsync(Guid id, WorkerFactory? worker = null)
    {
        using var scope = (worker ?? world.Worker).Services.CreateScope();
        var lifecycle = scope.ServiceProvider.GetRequiredService<CampaignLifecycle>();
        Assert.True((await lifecycle.ScheduledAsync(id, (c, now) =>
            { c.Status = CampaignStatus.Draft; return c.TryStart(now) is null; }, "started", "test", default)).Done);
    }

    async Task<Campaign> WaitForStatusAsync(Guid id, CampaignStatus status, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            await using var db = world.Db();
            var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == id);
            if (campaign.Status == status || DateTime.UtcNow > deadline) return campaign;
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task A_started_campaign_is_paced_by_Quartz_and_completes_by_itself_when_no_contact_is_left()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(12,
            s => s with { Mode = DialingMode.Agentless, AgentlessLineCap = 4 });

        await StartAsync(campaign.Id);
        var done = await WaitForStatusAsync(campaign.Id, CampaignStatus.Completed, TimeSpan.FromSeconds(60));

        Assert.Equal(CampaignStatus.Completed, done.Status);
        await using var db = world.Db();
        var attempts = await db.CallAttempts.Where(a => a.CampaignId == campaign.Id).ToListAsync();
        Assert.Equal(contacts.Count, attempts.Count);
        Assert.All(contacts, c => Assert.Single(world.Simulator.Calls.Snapshot(c.Phone)));
        // the line cap held: never more than 4 calls of the campaign at once in the simulator
        var calls = contacts.SelectMany(c => world.Simulator.Calls.Snapshot(c.Phone)).ToList();
        var peak = calls.Max(c =>
            calls.Count(o => o.CreatedAt <= c.CreatedAt && (o.EndTime ?? DateTimeOffset.MaxValue) > c.CreatedAt));
        Assert.InRange(peak, 1, 4);
        var pacing = await db.PacingStates.SingleAsync(p => p.CampaignId == campaign.Id);
        Assert.Equal(DialingMode.Agentless, pacing.Mode);
        Assert.InRange(pacing.LinesInUse, 0, 4);
        // the operators' view of the same decisions
        using var http = new HttpClient();
        var metrics = await http.GetStringAsync(world.Worker.ManagementUrl + "/metrics");
        Assert.Matches($@"(?m)^pacing_lines_opened_total\{{[^}}]*campaign_id=""{campaign.Id}""[^}}]*\}} 12$", metrics);
        Assert.Matches($@"(?m)^pacing_decisions_total\{{[^}}]*campaign_id=""{campaign.Id}""[^}}]*"
            + $@"mode=""Agentless""[^}}]*\}} [1-9]", metrics);
        foreach (var phase in new[] { "decide", "claim" }) // the claim commits its PlaceCalls to the outbox
            Assert.Matches($@"(?m)^pacing_tick_duration_seconds_count\{{[^}}]*phase=""{phase}""[^}}]*\}} [1-9]",
                metrics);
        // buckets in seconds, so that a percentile can be read
        Assert.Matches(@"(?m)^pacing_tick_duration_seconds_bucket\{[^}]*le=""0.1""[^}]*\} \d", metrics);
    }

    [Fact]
    public async Task Contacts_outside_their_calling_hours_are_not_dialed_but_wait_for_the_window()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(3, s => s with { Mode = DialingMode.Agentless });
        var closedZone = TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId && z.Id.Contains('/'))
            .First(z => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, z).Hour is >= 0 and < 6).Id;
        await using (var db = world.Db())
            await db.Contacts.Where(c => c.Id == contacts[0].Id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.TimeZones, new[] { closedZone }));

        var attempts = await world.DialAsync(campaign, 3);

        Assert.Equal(2, attempts.Count);
        await using var check = world.Db();
        var waiting = await check.Contacts.SingleAsync(c => c.Id == contacts[0].Id);
        Assert.Equal(ContactStatus.Pending, waiting.Status);
        Assert.True(waiting.NextAttemptAt > DateTimeOffset.UtcNow);
        Assert.Empty(world.Simulator.Calls.Snapshot(contacts[0].Phone));
    }

    [Fact]
    public async Task The_Workers_own_start_and_completion_are_written_in_the_campaigns_history()
    {
        var (campaign, _) = await world.RunningCampaignAsync(2,
            s => s with { Mode = DialingMode.Agentless, StartAt = DateTimeOffset.UtcNow.AddSeconds(6) });
        using (var scope = world.Worker.Services.CreateScope())
        {
            var lifecycle = scope.ServiceProvider.GetRequiredService<CampaignLifecycle>();
            var scheduled = await lifecycle.RequestedAsync(campaign.Id, (c, now) =>
            {
                c.Status = CampaignStatus.Draft;
                return c.TryStart(now);
            }, "started", default);
            Assert.Equal(CampaignStatus.Scheduled, scheduled.Campaign!.Status);
        }

        await WaitForStatusAsync(campaign.Id, CampaignStatus.Completed, TimeSpan.FromSeconds(60));

        await using var db = world.Db();
        var history = await db.CampaignChanges.AsNoTracking().Where(c => c.CampaignId == campaign.Id)
            .OrderBy(c => c.Id).ToListAsync();
        Assert.Equal(["started", "started", "completed"], history.Select(h => h.Action));
        Assert.Equal([null, "the start time was reached", "no contact is left to try"], history.Select(h => h.Note));
        Assert.All(history, h => Assert.Equal("system", h.By));
        Assert.Equal([("scheduled", "running"), ("running", "completed")],
            history.Skip(1).Select(h => Assert.Single(h.Fields)).Select(f => (f.Old!.GetValue<string>(),
                f.New!.GetValue<string>())));
    }

    [Fact]
    public async Task Two_nodes_claiming_at_once_never_claim_the_same_contact()
    {
        var (campaign, _) = await world.RunningCampaignAsync(60);
        var contactIds = new List<long>();
        for (var round = 0; round < 20 && contactIds.Count < 60; round++)
        {
            // rows one node has locked are skipped by the others, never claimed twice
            var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
            {
                await using var db = world.Db();
                var fresh = await db.Campaigns.SingleAsync(c => c.Id == campaign.Id);
                return await new ContactClaimer(db).ClaimAsync(world.Changes(db), fresh, 7, default);
            }));
            contactIds.AddRange(claims.SelectMany(c => c).Select(a => a.ContactId));
        }

        Assert.Equal(contactIds.Count, contactIds.Distinct().Count());
        Assert.Equal(60, contactIds.Count);
    }

    async Task<int> AttemptsAsync(Guid campaignId)
    {
        await using var db = world.Db();
        return await db.CallAttempts.CountAsync(a => a.CampaignId == campaignId);
    }
}
