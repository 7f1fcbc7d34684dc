using System.Text.Json;
using Dialer.Tests.Infrastructure;
using Dialer.Tests.Infrastructure.Browser;
using Microsoft.Playwright;

namespace Dialer.Tests.Agents.Browser;

/// <summary>
/// The agent console's browser phone in Debian's Chromium over the real Api and PostgreSQL, with a stand-in Device
/// (stand-in-device.js) in place of Twilio's, and the line's routes answered by <see cref="LineStandIn"/> (page.route)
/// until the server's land; the access token is the real Api's. Screenshots go to .artifacts/screenshots/agents.
/// </summary>
public sealed class BrowserPhoneTests(LiveApi api, PhoneChromium chromium) : IClassFixture<LiveApi>,
IClassFixture<PhoneChromium>
{
    async Task<(IPage Page, LineStandIn Line)> ConsoleAsync(string name)
    {
        var (_, key) = await PhoneChromium.AgentWithoutLineAsync(api, name);
        LineStandIn line = null!;
        var page = await chromium.ConsoleAsync(api, key, async p => line = await LineStandIn.InstallAsync(p));
        await Assertions.Expect(page.Locator("#state")).ToContainTextAsync("On break");
        return (page, line);
    }

    static Task<T> Phone<T>(IPage page, string expression) =>
        page.EvaluateAsync<T>($"() => window.__phone.{expression}");

    static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"never happened: {what}");
            await Task.Delay(100);
        }
    }

    /// <summary>Connect line with the browser phone, the engine's call answered with no click, and the line
    /// open.</summary>
    static async Task ConnectBrowserLineAsync(IPage page, LineStandIn line)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Connect line" }).ClickAsync();
        await Assertions.Expect(page.Locator("#line-state")).ToHaveTextAsync("Connecting…");
        await Phone<bool>(page, "ring({ From: 'client:dialer' })");
        await Eventually(async () => await Phone<int>(page, "did('accept').length") == 1, "the line's call accepted");
        line.Open(); // the server: the agent's leg joined their room
        await Assertions.Expect(page.Locator("#line-state")).ToHaveTextAsync("Line open", new() { Timeout = 10_000 });
    }

    [Fact]
    public async Task A_browser_line_is_answered_without_a_click_and_its_token_is_renewed_before_it_expires()
    {
        var (page, line) = await ConsoleAsync("Bea Browser");
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.Twilio?.Device === 'function'"),
            "the vendored SDK loads and sets Twilio.Device");
        await Assertions.Expect(page.Locator("#line-state")).ToHaveTextAsync("No line");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Available" })).ToBeDisabledAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connect your line" }))
            .ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Browser phone" })).ToBeCheckedAsync();
        await Screenshots.SaveAsync(page, "agents", "phone-01-choose-line");

        var firstToken = page.WaitForResponseAsync(r => r.Url.EndsWith("/api/agent-console/token"));
        await ConnectBrowserLineAsync(page, line);
        var issued = JsonDocument.Parse(await (await firstToken).TextAsync()).RootElement.GetProperty("token")
            .GetString();
        Assert.Equal(issued, await Phone<string>(page, "did('construct')[0][0]"));
        Assert.Equal(1, await Phone<int>(page, "did('register').length"));
        Assert.Equal("{\"kind\":\"browser\"}",
            Assert.Single(line.Sent("POST", "/api/agent-console/line")).Body!.ToJsonString());
        await Assertions.Expect(page.Locator("#announce")).ToHaveTextAsync("Your line is open.");
        await Screenshots.SaveAsync(page, "agents", "phone-02-line-open");

        await Phone<bool>(page, "ring({ From: 'client:someone-else' })"); // the line is open: no other call gets in
        await Eventually(async () => await Phone<int>(page, "did('reject').length") == 1,
            "an unexpected call rejected");
        Assert.Equal(1, await Phone<int>(page, "did('accept').length"));

        var renewed = page.WaitForResponseAsync(r => r.Url.EndsWith("/api/agent-console/token"));
        await Phone<bool>(page, "tokenWillExpire()");
        var fresh = JsonDocument.Parse(await (await renewed).TextAsync()).RootElement.GetProperty("token").GetString();
        await Eventually(async () => await Phone<int>(page, "did('updateToken').length") == 1, "the token updated");
        Assert.Equal(fresh, await Phone<string>(page, "did('updateToken')[0][0]"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_call_to_the_browser_phone_that_the_console_did_not_ask_for_is_rejected()
    {
        var (page, _) = await ConsoleAsync("Rex Reject");
        // starts the phone, asks for no line
        await page.GetByRole(AriaRole.Button, new() { Name = "Play test sound" }).ClickAsync();
        await Eventually(async () => await Phone<int>(page, "did('register').length") == 1, "the phone registered");
        await Phone<bool>(page, "ring({ From: 'client:stranger' })");
        await Eventually(async () => await Phone<int>(page, "did('reject').length") == 1, "the call rejected");
        Assert.Equal(0, await Phone<int>(page, "did('accept').length"));
        await Assertions.Expect(page.Locator("#line-state")).ToHaveTextAsync("No line");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_browser_line_that_fails_shows_the_reason_and_Reconnect_posts_the_line_again()
    {
        var (page, line) = await ConsoleAsync("Dot Drop");
        await ConnectBrowserLineAsync(page, line);

        await Phone<bool>(page, "fail(31005, 'Connection error: the media connection failed')");
        await Assertions.Expect(page.Locator("#line-state")).ToHaveTextAsync("Line dropped");
        var dropped = page.Locator("#line-dropped");
        await Assertions.Expect(dropped).ToContainTextAsync("the media connection failed (Twilio error 31005)");
        await Assertions.Expect(page.Locator("#announce")).ToContainTextAsync("Your line dropped");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Available" })).ToBeDisabledAsync();
        await Screenshots.SaveAsync(page, "agents", "phone-03-line-dropped");

        await dropped.GetByRole(AriaRole.Button, new() { Name = "Reconnect" }).ClickAsync();
        await Assertions.Expect(page.Locator("#line-state")).ToHaveTextAsync("Connecting…");
        // the server still had it open: only the browser saw it end
        Assert.Single(line.Sent("DELETE", "/api/agent-console/line"));
        var posts = line.Sent("POST", "/api/agent-console/line");
        Assert.Equal(2, posts.Length);
        Assert.Equal("browser", (string?)posts[1].Body!["kind"]);
        await Phone<bool>(page, "ring({ From: 'client:dialer' })");
        await Eventually(async () => await Phone<int>(page, "did('accept').length") == 2,
            "the new line's call accepted");

        line.Open();
        await Assertions.Expect(page.Locator("#line-state")).ToHaveTextAsync("Line open", new() { Timeout = 10_000 });
        await Phone<bool>(page, "disconnect()"); // the call ends with no error: a drop all the same
        await Assertions.Expect(dropped).ToContainTextAsync("The browser phone’s call ended.");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_phone_number_line_posts_the_number_shows_a_bad_one_beside_the_field_and_the_servers_drop_reason()
    {
        var (page, line) = await ConsoleAsync("Pat Phone");
        await page.GetByRole(AriaRole.Radio, new() { Name = "My phone number" }).CheckAsync();
        var number = page.GetByLabel("Your phone number");
        await number.FillAsync("555 0123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Connect line" }).ClickAsync();
        await Assertions.Expect(page.Locator("#line-address-error")).ToContainTextAsync("E.164");
        await Assertions.Expect(number).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(number).ToBeFocusedAsync();
        await Screenshots.SaveAsync(page, "agents", "phone-04-bad-number");

        await number.FillAsync("+14155550123");
        await Assertions.Expect(number).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#line-state")).ToHaveTextAsync("Connecting…");
        var post = line.Sent("POST", "/api/agent-console/line")[^1].Body!;
        Assert.Equal(("phone", "+14155550123"), ((string?)post["kind"], (string?)post["address"]));
        Assert.Equal(0, await Phone<int>(page, "log.length")); // no browser phone for a line on the agent's own phone

        line.Drop("your phone hung up");
        await Assertions.Expect(page.Locator("#line-dropped"))
            .ToContainTextAsync("your phone hung up", new() { Timeout = 10_000 });
        await Screenshots.SaveAsync(page, "agents", "phone-05-phone-dropped");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reconnect" }).ClickAsync();
        await Assertions.Expect(page.Locator("#line-state")).ToHaveTextAsync("Connecting…");
        var again = line.Sent("POST", "/api/agent-console/line")[^1].Body!;
        Assert.Equal(("phone", "+14155550123"), ((string?)again["kind"], (string?)again["address"]));
        Assert.Empty(line.Sent("DELETE", "/api/agent-console/line")); // the server knew it had dropped
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task During_a_call_mute_hold_hang_up_and_the_keypad_go_to_the_API()
    {
        var (page, line) = await ConsoleAsync("Cal Controls");
        await page.GetByRole(AriaRole.Button, new() { Name = "Connect line" }).ClickAsync();
        await Assertions.Expect(page.Locator("#line-state")).ToHaveTextAsync("Connecting…");
        await Phone<bool>(page, "ring({ From: 'client:dialer' })");
        await Eventually(async () => await Phone<int>(page, "did('accept').length") == 1, "the line's call accepted");
        var attemptId = Guid.NewGuid();
        // the server's screen pop, faked in /api/agent-console/me: a real call needs the whole dialing world
        line.OnCall(attemptId);
        line.Open();
        await Assertions.Expect(page.Locator("#call-title")).ToHaveTextAsync("On the line", new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator("#line-state")).ToHaveTextAsync("Line open");

        await page.GetByRole(AriaRole.Button, new() { Name = "Mute" }).ClickAsync();
        await Assertions.Expect(page.Locator("#mute")).ToHaveAttributeAsync("aria-pressed", "true");
        await Eventually(() => Task.FromResult(line.Sent("POST", "/api/agent-console/line/mute").Length == 1),
            "mute posted");
        Assert.True((bool)line.Sent("POST", "/api/agent-console/line/mute")[0].Body!["muted"]!);
        Assert.True(await Phone<bool>(page, "did('mute')[0][0]"), "muted at once in the browser phone too");
        await Assertions.Expect(page.Locator("#line-detail")).ToContainTextAsync("muted");

        await page.GetByRole(AriaRole.Button, new() { Name = "Hold" }).ClickAsync();
        await Assertions.Expect(page.Locator("#hold")).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.True(
            (bool)Assert.Single(line.Sent("POST", $"/api/agent-console/calls/{attemptId}/hold")).Body!["hold"]!);

        await page.Locator("#keypad summary").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send 1" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send pound" }).ClickAsync();
        await Assertions.Expect(page.Locator("#digits-sent")).ToHaveTextAsync("Sent: 1#");
        Assert.Equal(["1", "#"],
            line.Sent("POST", $"/api/agent-console/calls/{attemptId}/digits").Select(r => (string?)r.Body!["digits"]));
        await Screenshots.SaveAsync(page, "agents", "phone-06-call-controls");

        await page.GetByRole(AriaRole.Button, new() { Name = "Hang up", Exact = true }).ClickAsync();
        await Eventually(() =>
            Task.FromResult(line.Sent("POST", $"/api/agent-console/calls/{attemptId}/hangup").Length == 1),
            "hang-up posted");
        Assert.Empty(line.Sent("DELETE", "/api/agent-console/line")); // the customer's leg only: the line stays
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_sound_check_shows_the_microphone_level_switches_microphones_and_plays_the_test_sound()
    {
        var (page, _) = await ConsoleAsync("Sam Sound");
        await page.GetByRole(AriaRole.Button, new() { Name = "Play test sound" }).ClickAsync();
        await Eventually(async () => await Phone<int>(page, "did('speakerTest').length") == 1, "the test sound played");
        var microphone = page.GetByLabel("Microphone", new() { Exact = true });
        // Chromium's fake microphones, listed
        await Assertions.Expect(microphone.Locator("option")).Not.ToHaveCountAsync(1);
        var second = await microphone.Locator("option").Nth(1).GetAttributeAsync("value");
        await microphone.SelectOptionAsync(second!);
        await Eventually(async () => await Phone<string>(page, "did('setInputDevice')[0]?.[0] ?? ''") == second,
            "the microphone chosen");

        await page.GetByRole(AriaRole.Button, new() { Name = "Test microphone" }).ClickAsync();
        await Eventually(async () => await page.Locator("#mic-level").EvaluateAsync<double>("m => m.value") > 0,
            "the meter moves with Chromium's fake microphone");
        await Screenshots.SaveAsync(page, "agents", "phone-07-sound-check");
        await page.GetByRole(AriaRole.Button, new() { Name = "Stop microphone test" }).ClickAsync();
        await Assertions.Expect(page.Locator("#sound-result")).ToHaveTextAsync("Your microphone works.");
        await page.Context.CloseAsync();
    }
}
