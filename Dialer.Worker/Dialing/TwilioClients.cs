using Dialer.ServiceDefaults.Telemetry;
using Dialer.ServiceDefaults.Twilio;
using Microsoft.Extensions.Options;
using Twilio.Clients;
using Twilio.Http;

namespace Dialer.Worker.Dialing;

/// <summary>Twilio SDK clients over pooled HttpClients that go to the configured base address.</summary>
public sealed class TwilioClients(IHttpClientFactory http, IOptions<TwilioOptions> options)
{
    public const string HttpClientName = "twilio";

    public ITwilioRestClient Create()
    {
        var o = options.Value;
        return new TwilioRestClient(o.AccountSid, o.AuthToken, o.AccountSid,
            httpClient: new SystemNetHttpClient(http.CreateClient(HttpClientName)));
    }

    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<TwilioClients>();
        services.AddHttpClient(HttpClientName, (sp, client) =>
                client.Timeout = TimeSpan.FromSeconds(
                    sp.GetRequiredService<IOptions<TwilioOptions>>().Value.RequestTimeoutSeconds))
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                MaxConnectionsPerServer = sp.GetRequiredService<IOptions<TwilioOptions>>().Value.MaxConcurrentRequests,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .AddHttpMessageHandler(sp => new TwilioMetricsHandler(sp.GetRequiredService<DialerMetrics>(),
                sp.GetRequiredService<TimeProvider>()))
            .AddHttpMessageHandler(sp => new TwilioBaseAddressHandler(
                new Uri(sp.GetRequiredService<IOptions<TwilioOptions>>().Value.ApiBaseUrl)));
    }
}
