using Dialer.ServiceDefaults.Twilio;

namespace Dialer.Tests.Dialing;

/// <summary>Twilio signs each webhook over the URL it was given: the URLs stay byte for byte what they were.</summary>
public sealed class WebhookRoutesTests
{
    static readonly Guid A = Guid.Parse("0b6f5a0e-8d0c-4a55-9e3f-1f2a3b4c5d6e");
    static readonly Guid B = Guid.Parse("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");

    [Theory]
    [InlineData("https://dialer.example.com")]
    [InlineData("https://dialer.example.com/")]
    public void Every_webhook_url_is_the_address_the_prefix_and_its_route(string hooks)
    {
        const string h = "https://dialer.example.com/twilio";
        Assert.Equal($"{h}/answer/{A}", WebhookRoutes.AnswerUrl(hooks, A));
        Assert.Equal($"{h}/answer-fallback/{A}", WebhookRoutes.AnswerFallbackUrl(hooks, A));
        Assert.Equal($"{h}/status/{A}", WebhookRoutes.StatusUrl(hooks, A));
        Assert.Equal($"{h}/amd/{A}", WebhookRoutes.AmdUrl(hooks, A));
        Assert.Equal($"{h}/dial-ended/{A}", WebhookRoutes.DialEndedUrl(hooks, A));
        Assert.Equal($"{h}/agent-line/{A}", WebhookRoutes.AgentLineUrl(hooks, A));
        Assert.Equal($"{h}/room/{A}", WebhookRoutes.RoomUrl(hooks, A));
        Assert.Equal($"{h}/hold-music", WebhookRoutes.HoldMusicUrl(hooks));
        Assert.Equal($"{h}/digits?d=12%2A%23w", WebhookRoutes.DigitsUrl(hooks, "12*#w"));
        Assert.Equal($"{h}/recording-notice/{A}", WebhookRoutes.RecordingNoticeUrl(hooks, A));
        Assert.Equal($"{h}/recording/{A}", WebhookRoutes.RecordingUrl(hooks, A));
        Assert.Equal($"{h}/supervisor-leg/{A}", WebhookRoutes.SupervisorLegUrl(hooks, A));
        Assert.Equal($"{h}/transfers/{A}/customer", WebhookRoutes.TransferCustomerUrl(hooks, A));
        Assert.Equal($"{h}/transfers/to-agent/{A}/{B}", WebhookRoutes.TransferToAgentUrl(hooks, A, B));
        Assert.Equal($"{h}/transfers/{A}/third-party", WebhookRoutes.TransferThirdPartyUrl(hooks, A));
        Assert.Equal($"{h}/transfers/{A}/third-party-status", WebhookRoutes.TransferThirdPartyStatusUrl(hooks, A));
    }
}
