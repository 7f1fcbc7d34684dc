using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;
using Dialer.Tests.Marketers;

namespace Dialer.Tests.Campaigns;

/// <summary>A campaign the dialer paused by itself says why, to the builder, the floor and its history.</summary>
[Collection(ApiCollection.Name)]
public sealed class PauseReasonTests(ApiFactory api)
{
    [Fact]
    public async Task The_reason_shows_on_the_campaign_the_floor_and_the_history_until_it_is_resumed()
    {
        var marketer = api.ClientAs(Role.Marketer);
        var id = await marketer.CreateCampaignAsync();
        (await marketer.PostAsync($"/api/campaigns/{id}/start", null)).EnsureSuccessStatusCode();

        await AccountErrorPause.PauseAsync(api.Services, id);

        var campaign = await marketer.GetJsonAsync($"/api/campaigns/{id}");
        Assert.Equal("paused", campaign["status"]!.GetValue<string>().ToLowerInvariant());
        Assert.Equal(AccountErrorPause.Reason, campaign["pauseReason"]!.GetValue<string>());
        Assert.Contains("Twilio error 20003", AccountErrorPause.Reason);
        var floor = await api.ClientAs(Role.Manager).GetArrayAsync("/api/dashboard/campaigns");
        var figures = floor.Single(f => f!["campaignId"]!.GetValue<Guid>() == id)!;
        Assert.Equal(AccountErrorPause.Reason, figures["pauseReason"]!.GetValue<string>());
        var paused = (await marketer.GetArrayAsync($"/api/campaigns/{id}/changes"))[0]!;
        string Field(string name) => paused[name]!.GetValue<string>();
        Assert.Equal(("paused", "system", AccountErrorPause.Reason), (Field("action"), Field("by"), Field("note")));

        (await marketer.PostAsync($"/api/campaigns/{id}/resume", null)).EnsureSuccessStatusCode();
        Assert.Null((await marketer.GetJsonAsync($"/api/campaigns/{id}"))["pauseReason"]);
    }
}
