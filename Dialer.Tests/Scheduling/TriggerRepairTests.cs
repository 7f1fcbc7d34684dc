using Dialer.Core.Campaigns;
using Dialer.Core.Pacing;
using Dialer.Core.Scheduling;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Dialer.Tests.Scheduling;

public sealed class TriggerRepairWorld : DialingWorld
{
    protected override IDictionary<string, string?> WorkerSettings() =>
        new Dictionary<string, string?> { [CampaignTriggerRepairJob.EverySetting] = "1" };
}

/// <summary>
/// A status committed while the process died before Quartz heard of it: the campaign's jobs are put back in line with
/// its status, whichever way they went wrong.
/// </summary>
public sealed class TriggerRepairTests(TriggerRepairWorld world) : IClassFixture<TriggerRepairWorld>
{
    [Fact]
    public async Task A_running_campaign_left_without_pacing_is_paced_again_and_a_completed_one_stops_being_paced()
    {
        // Running in the database and no job in Quartz: what a crash between the commit and the scheduler leaves
        var (campaign, _) = await world.RunningCampaignAsync(300,
            s => s with { Mode = DialingMode.Agentless, AgentlessLineCap = 2 });

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await AttemptsAsync(campaign.Id) == 0 && DateTime.UtcNow < deadline) await Task.Delay(250);
        Assert.True(await AttemptsAsync(campaign.Id) > 0, "the campaign was never paced");

        await using (var db = world.Db())
            await db.Campaigns.Where(c => c.Id == campaign.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CampaignStatus.Completed));
        var scheduler = await world.Worker.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await scheduler.Exists(CampaignScheduler.PacingJob(campaign.Id)) && DateTime.UtcNow < deadline)
            await Task.Delay(250);
        Assert.False(await scheduler.Exists(CampaignScheduler.PacingJob(campaign.Id)),
            "a completed campaign is still paced");
    }

    async Task<int> AttemptsAsync(Guid campaignId)
    {
        await using var db = world.Db();
        return await db.CallAttempts.CountAsync(a => a.CampaignId == campaignId);
    }
}
