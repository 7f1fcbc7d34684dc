using System.ComponentModel.DataAnnotations;
using Dialer.Core.Hosting;
using Dialer.ServiceDefaults.Twilio;
using Microsoft.Extensions.Options;
using Twilio.Clients;
using Twilio.Http;

namespace Dialer.Api.Supervision;

/// <summary>The Api's share of the Twilio settings for supervision: the REST account, and where the Worker's webhooks are.</summary>
public sealed class SupervisionTwilioOptions
{
    public const string Section = "Twilio";
    [Required] public string AccountSid { get; set; } = "";
    [Required] public string AuthToken { get; set; } = "";
    [Required, Url] public string ApiBaseUrl { get; set; } = "https://api.twilio.com";
    /// <summary>The Worker's address as Twilio reaches it: the supervisor leg's status callback goes there.</summary>
    [Required, Url] public string PublicWebhookBaseUrl { get; set; } = "";
    [Range(1, 60)] public int RequestTimeoutSeconds { get; set; } = 10;
    /// <summary>The Api's own address as Twilio reaches it: Twilio's fallback when a Worker's answer URL fails.</summary>
    [Url] public string? FallbackWebhookBaseUrl { get; set; }
}

/// <summary>Twilio SDK clients for the supervision endpoints, over a pooled HttpClient sent to the configured base address.</summary>
public sealed class SupervisionTwilio(IHttpClientFactory http, IOptions<SupervisionTwilioOptions> options)
{
    const string HttpClientName = "twilio-supervision";

    public SupervisionTwilioOptions Options => options.Value;

    public ITwilioRestClient Client()
    {
        var o = options.Value;
        return new TwilioRestClient(o.AccountSid, o.AuthToken, o.AccountSid, httpClient: new SystemNetHttpClient(http.CreateClient(HttpClientName)));
    }

    public static void Register(IServiceCollection services)
    {
        services.AddOptions<SupervisionTwilioOptions>().BindConfiguration(SupervisionTwilioOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SupervisionTwilio>();
        services.AddSingleton<ITwilioWebhookSecret>(sp => sp.GetRequiredService<IOptions<SupervisionTwilioOptions>>().Value is var o
            ? new TwilioWebhookSecret(o.FallbackWebhookBaseUrl ?? "", o.AuthToken) : null!);
        services.AddScoped<TwilioSignature>();
        services.AddHttpClient(HttpClientName, (sp, client) =>
                client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<SupervisionTwilioOptions>>().Value.RequestTimeoutSeconds))
            .AddHttpMessageHandler(sp => new TwilioBaseAddressHandler(new Uri(sp.GetRequiredService<IOptions<SupervisionTwilioOptions>>().Value.ApiBaseUrl)));
    }
}
