using System.Net;
using Dialer.Core.Auth;
using Dialer.Core.Scheduling;
using Dialer.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Dialer.Tests.Scheduling;

[Collection(ApiCollection.Name)]
public sealed class CampaignLifecycleApiTests(ApiFactory api)
{
    readonly HttpClient _marketer = api.ClientAs(Role.Marketer);

    async Task<string> Status(Guid id) =>
        (await (await _marketer.GetAsync($"/api/campaigns/{id}")).ReadJsonAsync())["status"]!.GetValue<string>();

    async Task<bool> PacingScheduled(Guid id)
    {
        var scheduler = await api.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        return await scheduler.GetJobDetail(CampaignScheduler.PacingJob(id)) is not null;
    }

    [Fact]
    public async Task Start_pause_resume_stop_move_the_campaign_and_its_pacing_job_in_Quartz()
    {
        var id = await _marketer.CreateCampaignAsync();

        Assert.Equal(HttpStatusCode.OK, (await _marketer.PostAsync($"/api/campaigns/{id}/start", null)).StatusCode);
        Assert.Equal("running", await Status(id));
        Assert.True(await PacingScheduled(id));

        Assert.Equal(HttpStatusCode.OK, (await _marketer.PostAsync($"/api/campaigns/{id}/pause", null)).StatusCode);
        Assert.Equal("paused", await Status(id));
        Assert.False(await PacingScheduled(id));

        Assert.Equal(HttpStatusCode.OK, (await _marketer.PostAsync($"/api/campaigns/{id}/resume", null)).StatusCode);
        Assert.True(await PacingScheduled(id));

        Assert.Equal(HttpStatusCode.OK, (await _marketer.PostAsync($"/api/campaigns/{id}/stop", null)).StatusCode);
        Assert.Equal("stopped", await Status(id));
        Assert.False(await PacingScheduled(id));
    }

    [Fact]
    public async Task A_campaign_with_a_future_start_time_is_scheduled_with_a_start_and_an_end_trigger()
    {
        var body = ApiCalls.ValidCampaign();
        body["startAt"] = DateTimeOffset.UtcNow.AddHours(2).ToString("O");
        body["endAt"] = DateTimeOffset.UtcNow.AddHours(5).ToString("O");
        var id = await _marketer.CreateCampaignAsync(body);

        await _marketer.PostAsync($"/api/campaigns/{id}/start", null);

        Assert.Equal("scheduled", await Status(id));
        var scheduler = await api.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.NotNull(await scheduler.GetJobDetail(CampaignScheduler.StartJob(id)));
        Assert.NotNull(await scheduler.GetJobDetail(CampaignScheduler.EndJob(id)));
        Assert.False(await PacingScheduled(id));
    }

    [Theory]
    [InlineData("pause", "running campaign can be paused")]
    [InlineData("resume", "paused campaign can be resumed")]
    [InlineData("stop", "can be stopped")]
    public async Task An_illegal_transition_is_a_409_with_the_reason(string action, string reason)
    {
        var id = await _marketer.CreateCampaignAsync();
        var response = await _marketer.PostAsync($"/api/campaigns/{id}/{action}", null);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains(reason, (await response.ReadJsonAsync())["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_running_campaign_cannot_be_started_again_nor_a_completed_one_restarted()
    {
        var id = await _marketer.CreateCampaignAsync();
        await _marketer.PostAsync($"/api/campaigns/{id}/start", null);
        Assert.Equal(HttpStatusCode.Conflict,
            (await _marketer.PostAsync($"/api/campaigns/{id}/start", null)).StatusCode);

        await using (var db = api.Database.CreateDb())
        {
            var c = await db.Campaigns.FindAsync(id);
            c!.Complete(DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        var again = await _marketer.PostAsync($"/api/campaigns/{id}/start", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("completed", (await again.ReadJsonAsync())["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Managers_and_agents_cannot_start_campaigns()
    {
        var id = await _marketer.CreateCampaignAsync();
        Assert.Equal(HttpStatusCode.Forbidden,
            (await api.ClientAs(Role.Manager).PostAsync($"/api/campaigns/{id}/start", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await api.ClientAs(Role.Agent).PostAsync($"/api/campaigns/{id}/start", null)).StatusCode);
    }
}
