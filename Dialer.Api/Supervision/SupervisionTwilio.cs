using Dialer.ServiceDefaults.Twilio;
using Microsoft.Extensions.Options;
using Twilio.Clients;
using Twilio.Http;

namespace Dialer.Api.Supervision;

/// <summary>The Api's Twilio SDK clients (supervision, transfers, call controls), over a pooled HttpClient sent to the
/// configured base address.</summary>
public sealed class SupervisionTwilio(IHttpClientFactory http, IOptions<TwilioOptions> options)
{
    const string HttpClientName = "twilio-supervision";

    public TwilioOptions Options => options.Value;

    public ITwilioRestClient Client()
    {
        var o = options.Value;
        return new TwilioRestClient(o.AccountSid, o.AuthToken, o.AccountSid,
            httpClient: new SystemNetHttpClient(http.CreateClient(HttpClientName)));
    }

    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<SupervisionTwilio>();
        // the Api is Twilio's fallback when a Worker's answer URL fails: it checks what was signed for its own address
        services.AddTwilioSignatures(o => o.FallbackWebhookBaseUrl ?? "");
        services.AddHttpClient(HttpClientName, (sp, client) => client.Timeout =
                TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<TwilioOptions>>().Value.RequestTimeoutSeconds))
            .AddHttpMessageHandler(sp =>
                new TwilioBaseAddressHandler(new Uri(
                    sp.GetRequiredService<IOptions<TwilioOptions>>().Value.ApiBaseUrl)));
    }
}
