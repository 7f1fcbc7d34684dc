using System.Net.Http.Headers;
using System.Text;
using Dialer.TwilioSimulator.Faults;
using Dialer.TwilioSimulator.Hosting;
using Microsoft.Extensions.Options;

namespace Dialer.TwilioSimulator.Calls;

/// <summary>
/// What every REST request passes before it is served: basic auth with the account SID and auth token, the
/// account in the path, Twilio's limit on concurrent requests (429, code 20429), and the injected faults.
/// </summary>
public sealed class TwilioApiGate(IOptions<SimulatorOptions> options, FaultState faults, TimeProvider time,
    ILogger<TwilioApiGate> logger)
    : IEndpointFilter
{
    public const string FailAfterCreateItem = "sim.fail-after-create";
    int _inFlight;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var settings = options.Value;
        // an injected 401 answers as a rotated auth token would: the credentials are refused before anything else
        if (!Authenticated(http.Request, settings) || faults.Take401())
        {
            http.Response.Headers.WWWAuthenticate = "Basic realm=\"Twilio API\"";
            return TwilioError.Result(401, 20003, "Authenticate");
        }
        if (http.Request.RouteValues["accountSid"] as string != settings.AccountSid)
            return TwilioError.NotFound(http.Request.Path);

        var inFlight = Interlocked.Increment(ref _inFlight);
        try
        {
            if (inFlight > settings.MaxConcurrentRequests || faults.Take429())
            {
                logger.LogInformation("429: {InFlight} requests in flight, limit {Limit}", inFlight,
                    settings.MaxConcurrentRequests);
                return TwilioError.Result(429, 20429, "Too Many Requests");
            }

            var fault = faults.Current;
            if (faults.Take500())
            {
                var isCreate = HttpMethods.IsPost(http.Request.Method)
                    && http.Request.Path.Value!.EndsWith("/Calls.json", StringComparison.Ordinal);
                if (!(fault.Error500AfterCreate && isCreate))
                    return TwilioError.Result(500, 20500, "An internal server error has occurred");
                http.Items[FailAfterCreateItem] = true;
            }
            if (fault.ApiLatencyMs > 0)
                await Task.Delay(TimeSpan.FromMilliseconds(fault.ApiLatencyMs), time, http.RequestAborted);
            return await next(context);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    static bool Authenticated(HttpRequest request, SimulatorOptions settings)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header) ||
            !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
            return false;
        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
            return pair == settings.AccountSid + ":" + settings.AuthToken;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
