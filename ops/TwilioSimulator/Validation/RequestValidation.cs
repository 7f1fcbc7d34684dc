using Dialer.TwilioSimulator.Calls;

namespace Dialer.TwilioSimulator.Validation;

/// <summary>
/// Refuses, before anything else (authentication, the concurrency limit, faults), every request to Twilio's API
/// (<c>/2010-04-01/...</c>) that Twilio's description refuses, answering with Twilio's error body. The simulator's
/// own routes (<c>/sim/...</c>, <c>/health</c>) are not Twilio's and pass untouched.
/// </summary>
public sealed class RequestValidation(
    RequestDelegate next, RequestValidator validator, ILogger<RequestValidation> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        var path = request.Path.Value ?? "";
        if (!RequestValidator.IsTwilioApi(path))
        {
            await next(http);
            return;
        }

        // the form is read once here; the endpoint's ReadFormAsync gets the same collection back
        var form = request.HasFormContentType && !HttpMethods.IsGet(request.Method)
            ? await request.ReadFormAsync(http.RequestAborted)
            : FormCollection.Empty;
        var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;
        var refusal = validator.Check(
            new ApiRequest(request.Method, path, request.ContentType, hasBody, request.Query, form));
        if (refusal is null)
        {
            await next(http);
            return;
        }

        logger.LogWarning("Refused {Method} {Path}: {Status} {Code} {Message}",
            request.Method, path, refusal.Status, refusal.Code, refusal.Message);
        await TwilioError.WriteAsync(http, refusal.Status, refusal.Code, refusal.Message, http.RequestAborted);
    }
}
