using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Twilio.Security;

namespace Dialer.ServiceDefaults.Twilio;

/// <summary>Where this process is reached by Twilio and the token Twilio signs with.</summary>
public interface ITwilioWebhookSecret
{
    /// <summary>This process's address as Twilio calls it: the signed URL is this base plus the request's
    /// path.</summary>
    string WebhookBaseUrl { get; }
    string AuthToken { get; }
}

/// <summary>
/// Every request on a Twilio webhook group must carry a valid X-Twilio-Signature for the public URL Twilio called;
/// anything else is 403 and changes nothing.
/// </summary>
public sealed class TwilioSignature(ITwilioWebhookSecret secret, ILogger<TwilioSignature> log) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var signature = request.Headers["X-Twilio-Signature"].ToString();
        var url = secret.WebhookBaseUrl.TrimEnd('/') + request.Path + request.QueryString;
        var form = request.HasFormContentType
            ? (await request.ReadFormAsync(context.HttpContext.RequestAborted))
                .ToDictionary(f => f.Key, f => f.Value.ToString())
            : [];

        if (signature.Length == 0 || !new RequestValidator(secret.AuthToken).Validate(url, form, signature))
        {
            log.LogWarning("Webhook {Path} refused: bad or missing X-Twilio-Signature", request.Path);
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Invalid Twilio signature.");
        }
        return await next(context);
    }
}

public sealed record TwilioWebhookSecret(string WebhookBaseUrl, string AuthToken) : ITwilioWebhookSecret;

public static class TwilioSignatureRegistration
{
    /// <param name="ownBaseUrl">this process's address in the Twilio settings: what Twilio signed its URLs with</param>
    public static IServiceCollection AddTwilioSignatures(this IServiceCollection services,
        Func<TwilioOptions, string> ownBaseUrl)
    {
        services.AddScoped<TwilioSignature>();
        services.AddSingleton<ITwilioWebhookSecret>(sp =>
            sp.GetRequiredService<IOptions<TwilioOptions>>().Value is var o
                ? new TwilioWebhookSecret(ownBaseUrl(o), o.AuthToken)
                : null!);
        return services;
    }
}
