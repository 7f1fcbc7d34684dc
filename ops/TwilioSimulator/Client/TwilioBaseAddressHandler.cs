namespace Dialer.TwilioSimulator.Client;

/// <summary>
/// The Twilio SDK always addresses https://api.twilio.com (or another *.twilio.com host) and has no base-address
/// setting. This handler sends those requests to <c>baseAddress</c> instead (scheme, host, port and any path
/// prefix), keeping path and query. Requests to other hosts pass through untouched.
/// </summary>
/// <example>
/// var http = TwilioBaseAddressHandler.CreateHttpClient(new Uri("http://127.0.0.1:5090"));
/// var twilio = new TwilioRestClient(accountSid, authToken, httpClient: new SystemNetHttpClient(http));
/// await CallResource.CreateAsync(to, from, url: answerUrl, client: twilio);
/// </example>
public sealed class TwilioBaseAddressHandler : DelegatingHandler
{
    readonly Uri _baseAddress;

    /// <summary>For IHttpClientFactory (<c>AddHttpMessageHandler</c>), which supplies the inner handler.</summary>
    public TwilioBaseAddressHandler(Uri baseAddress)
    {
        if (!baseAddress.IsAbsoluteUri)
            throw new ArgumentException("The base address must be absolute", nameof(baseAddress));
        _baseAddress = baseAddress;
    }

    public TwilioBaseAddressHandler(Uri baseAddress, HttpMessageHandler innerHandler) : this(baseAddress) =>
        InnerHandler = innerHandler;

    /// <summary>
    /// An HttpClient for <c>new SystemNetHttpClient(...)</c> that talks to <paramref name="baseAddress"/>.
    /// </summary>
    public static HttpClient CreateHttpClient(Uri baseAddress, TimeSpan? timeout = null) =>
        new(new TwilioBaseAddressHandler(baseAddress,
            new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) }))
        {
            Timeout = timeout ?? TimeSpan.FromSeconds(100),
        };

    public static bool IsTwilioHost(Uri uri) =>
        uri.Host.Equals("twilio.com", StringComparison.OrdinalIgnoreCase) ||
        uri.Host.EndsWith(".twilio.com", StringComparison.OrdinalIgnoreCase);

    public Uri Rewrite(Uri uri)
    {
        if (!IsTwilioHost(uri)) return uri;
        var builder = new UriBuilder(uri)
        {
            Scheme = _baseAddress.Scheme,
            Host = _baseAddress.Host,
            Port = _baseAddress.Port,
            Path = _baseAddress.AbsolutePath.TrimEnd('/') + uri.AbsolutePath,
        };
        return builder.Uri;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri) request.RequestUri = Rewrite(uri);
        return base.SendAsync(request, cancellationToken);
    }
}
