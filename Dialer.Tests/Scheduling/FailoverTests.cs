using Dialer.Core.Pacing;
using Dialer.Core.Scheduling;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dialer.Tests.Scheduling;

public sealed class FailoverWorld : DialingWorld;

public sealed class FailoverTests(FailoverWorld world) : IClassFixture<FailoverWorld>
{
    async Task StartAsync(Guid id)
    {
        using var scope = world.Worker.Services.CreateScope();
        var lifecycle = scope.ServiceProvider.GetRequiredService<CampaignLifecycle>();
        Assert.True((await lifecycle.ScheduledAsync(id, (c, now) =>
            { c.Status = Dialer.Core.Campaigns.CampaignStatus.Draft; return c.TryStart(now) is null; }, "started",
                "test", default)).Done);
    }

    [Fact]
    public async Task When_the_node_pacing_a_campaign_dies_another_takes_over_within_seconds()
    {
        var second = world.StartWorker();
        try
        {
            var (campaign, _) = await world.RunningCampaignAsync(400,
                s => s with { Mode = DialingMode.Agentless, AgentlessLineCap = 2 });
            await StartAsync(campaign.Id);
            await Task.Delay(3000);
            var before = await AttemptsAsync(campaign.Id);
            Assert.True(before > 0);

            await world.Worker.DisposeAsync(); // one node goes away; the cluster's other node must pick the job up
            var stopped = DateTime.UtcNow;
            var after = before;
            while (after <= before + 2 && DateTime.UtcNow - stopped < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(250);
                after = await AttemptsAsync(campaign.Id);
            }
            Assert.True(after > before + 2, $"no dials after the node stopped ({before} -> {after})");
            Assert.True(DateTime.UtcNow - stopped < TimeSpan.FromSeconds(30));
        }
        finally
        {
            await second.DisposeAsync();
        }
    }

    async Task<int> AttemptsAsync(Guid campaignId)
    {
        await using var db = world.Db();
        return await db.CallAttempts.CountAsync(a => a.CampaignId == campaignId);
    }
}
