namespace Dialer.ServiceDefaults.Twilio;

/// <summary>
/// The Twilio SDK always builds https://api.twilio.com/... addresses and has no base-address setting;
/// this handler sends each of its requests to the configured base address instead (the simulator, a proxy).
/// </summary>
public sealed class TwilioBaseAddressHandler(Uri baseAddress) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && (uri.Scheme != baseAddress.Scheme || uri.Port != baseAddress.Port
            || !uri.Host.Equals(baseAddress.Host, StringComparison.OrdinalIgnoreCase)))
        {
            var rewritten = new UriBuilder(uri)
            {
                Scheme = baseAddress.Scheme, Host = baseAddress.Host, Port = baseAddress.Port,
            };
            request.RequestUri = rewritten.Uri;
        }
        return base.SendAsync(request, cancellationToken);
    }
}
