using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure.Browser;
using Microsoft.Playwright;

namespace Dialer.Tests.Recordings;

/// <summary>The managers' floor in Chromium: a campaign's recorded calls under its charts, played in the page's
/// player.</summary>
public sealed class RecordingsPageTests(RecordedCalls world, Chromium chromium) : IClassFixture<RecordedCalls>,
IClassFixture<Chromium>
{
    [Fact]
    public async Task A_manager_opens_a_campaign_and_plays_its_recorded_call()
    {
        var (attempt, agent, _, recording) = await world.RecordedCallAsync();
        var page = await chromium.SignedInPageAsync(world.Api.Url + "/manager/", world.Api.KeyOf(Role.Manager), 1440,
            1000);

        await page.Locator($"[data-campaign='{attempt.CampaignId}']").ClickAsync();
        var row = page.Locator($"#recording-rows tr[data-recording='{recording.Id}']");
        await Assertions.Expect(row).ToContainTextAsync(agent.Name);
        await row.Locator("button.play").ClickAsync();
        var player = page.Locator("#recording-player");
        await Assertions.Expect(player).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^blob:"));
        // the browser decoded the audio it was given: it knows how long it is
        await page.WaitForFunctionAsync("() => document.getElementById('recording-player').duration > 0");
        await Screenshots.SaveAsync(page, "managers", "campaign-recordings");
    }
}
