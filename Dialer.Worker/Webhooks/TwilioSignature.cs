using Dialer.Worker.Dialing;
using Microsoft.Extensions.Options;
using Twilio.Security;

namespace Dialer.Worker.Webhooks;

/// <summary>
/// Every request on the Twilio webhook group must carry a valid X-Twilio-Signature for the public URL
/// Twilio called; anything else is 403 and changes nothing.
/// </summary>
public sealed class TwilioSignature(IOptions<TwilioOptions> options, ILogger<TwilioSignature> log) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var signature = request.Headers["X-Twilio-Signature"].ToString();
        var url = options.Value.PublicWebhookBaseUrl.TrimEnd('/') + request.Path + request.QueryString;
        var form = request.HasFormContentType
            ? (await request.ReadFormAsync(context.HttpContext.RequestAborted)).ToDictionary(f => f.Key, f => f.Value.ToString())
            : [];

        if (signature.Length == 0 || !new RequestValidator(options.Value.AuthToken).Validate(url, form, signature))
        {
            log.LogWarning("Webhook {Path} refused: bad or missing X-Twilio-Signature", request.Path);
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Invalid Twilio signature.");
        }
        return await next(context);
    }
}
