using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure.Browser;
using Dialer.Tests.Supervision;
using Dialer.TwilioSimulator.Agents;
using Microsoft.Playwright;

namespace Dialer.Tests.Managers;

/// <summary>A manager supervises a live call from the floor page in Debian's Chromium, and the simulator hears it
/// happen.</summary>
public sealed class SupervisePageTests(SupervisedCalls world, Chromium chromium) : IClassFixture<SupervisedCalls>,
IClassFixture<Chromium>
{
    [Fact]
    public async Task A_manager_listens_whispers_and_leaves_from_the_dialog_with_the_keyboard_kept_inside_it()
    {
        var (call, agent) = await world.LiveCallAsync("Ada Lovelace");
        var page = await SignedInAsync();
        // the agent wall's own button, in the agent's row, shown because the agent is on a call
        var supervise = page.Locator(
            $"[data-agent='{agent.Id}'] button[data-action='supervise'][data-agent-id='{agent.Id}']");
        await Assertions.Expect(supervise).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "managers", "supervise-wall", fullPage: false);

        await supervise.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Supervise Ada Lovelace" });
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        var mode = dialog.Locator("[data-field=mode]");
        await Assertions.Expect(mode).ToHaveTextAsync("not joined");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Listen" }).ClickAsync();
        await Assertions.Expect(dialog.Locator("#supervise-to-error")).ToContainTextAsync("Say where your phone is");
        await Assertions.Expect(dialog.GetByLabel("Your phone")).ToBeFocusedAsync();
        await Assertions.Expect(dialog.GetByLabel("Your phone")).ToHaveAttributeAsync("aria-invalid", "true");
        await Screenshots.SaveAsync(page, "managers", "supervise-no-phone", fullPage: false);

        await dialog.GetByLabel("Your phone").FillAsync("client:manager-maria");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Listen" }).ClickAsync();
        await Assertions.Expect(mode).ToHaveTextAsync("Listening");
        await Assertions.Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Listen" }))
            .ToHaveAttributeAsync("aria-pressed", "true");
        var leg = await ManagerLegAsync(call.ConferenceSid!);
        var room = world.Simulator.Conferences.Find(call.ConferenceSid!)!;
        Assert.False(room.Hears(call.CallSid!, leg) || room.Hears(call.AgentCallSid!, leg), "nobody hears a listener");
        Assert.True(room.Hears(leg, call.CallSid!));
        await Screenshots.SaveAsync(page, "managers", "supervise-listen", fullPage: false);

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Whisper" }).ClickAsync();
        await Assertions.Expect(mode).ToHaveTextAsync("Whispering to the agent");
        room = world.Simulator.Conferences.Find(call.ConferenceSid!)!;
        Assert.True(room.Hears(call.AgentCallSid!, leg) && !room.Hears(call.CallSid!, leg),
            "only the agent hears a whisper");
        await Screenshots.SaveAsync(page, "managers", "supervise-whisper", fullPage: false);

        for (var i = 0; i < 8; i++) await page.Keyboard.PressAsync("Tab");
        Assert.True(await dialog.EvaluateAsync<bool>("d => d.contains(document.activeElement)"),
            "Tab stays in the dialog");

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Leave" }).ClickAsync();
        await Assertions.Expect(mode).ToHaveTextAsync("not joined");
        Assert.DoesNotContain(world.Simulator.Conferences.Find(call.ConferenceSid!)!.Hearing,
            e => e.Listener == leg || e.Speaker == leg);
        await Screenshots.SaveAsync(page, "managers", "supervise-left", fullPage: false);

        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(supervise).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Supervising_an_agent_without_a_live_call_says_why_in_the_dialog()
    {
        var (campaign, _) = await world.RunningCampaignAsync(0);
        var idle = await world.AvailableAgentAsync([campaign.Id]);
        var page = await SignedInAsync();

        await (await InjectedSuperviseButtonAsync(page, idle.Id)).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Your phone").FillAsync("+14155550199");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Barge" }).ClickAsync();

        await Assertions.Expect(dialog.GetByRole(AriaRole.Alert)).ToContainTextAsync("has no live call");
        await Assertions.Expect(dialog.Locator("[data-field=mode]")).ToHaveTextAsync("not joined");
        await Screenshots.SaveAsync(page, "managers", "supervise-conflict", fullPage: false);
    }

    /// <summary>
    /// The wall offers Supervise only for an agent on a call, and a call can end between the click and the join; the
    /// test page adds the button the wall would render, for an agent who has no call, to see the 409 shown.
    /// </summary>
    static async Task<ILocator> InjectedSuperviseButtonAsync(IPage page, Guid agentId)
    {
        await page.EvaluateAsync("""
            id => {
              const b = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Supervise' });
              Object.assign(b.dataset, { action: 'supervise', agentId: id, agentName: 'Agent Ada' });
              document.querySelector('#floor').prepend(b);
            }
            """, agentId.ToString());
        var button = page.Locator($"#floor > [data-action=supervise][data-agent-id='{agentId}']");
        await Assertions.Expect(button).ToBeVisibleAsync();
        return button;
    }

    async Task<string> ManagerLegAsync(string conferenceSid)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (DateTime.UtcNow < deadline)
        {
            var leg = world.Simulator.Conferences.Find(conferenceSid)?.Participants
                .FirstOrDefault(p =>
                    p.Label.StartsWith("supervisor-", StringComparison.Ordinal)
                        && p.Status == ParticipantStatus.Connected);
            if (leg is not null) return leg.CallSid;
            await Task.Delay(50);
        }
        throw new TimeoutException("The manager's leg never joined the room");
    }

    async Task<IPage> SignedInAsync()
    {
        var page = await chromium.SignedInPageAsync(world.Api.Url + "/manager/", world.Api.KeyOf(Role.Manager), 1280,
            800);
        // the floor itself, not the sign-in form
        await Assertions.Expect(page.Locator("#floor .floor-head")).ToBeVisibleAsync();
        return page;
    }
}
