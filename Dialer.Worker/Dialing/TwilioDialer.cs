using Dialer.Core.Campaigns;
using Dialer.Core.Contacts;
using Dialer.Core.Dialing;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Dialer.Worker.Dialing;

/// <summary>Creates the attempt's call through the Twilio SDK and says, honestly, what became of the request.</summary>
public sealed class TwilioDialer(TwilioClients clients, TwilioResilience resilience, IOptions<TwilioOptions> options, ILogger<TwilioDialer> log)
{
    static readonly List<string> Events = ["initiated", "ringing", "answered", "completed"];

    public async Task<DialResult> PlaceAsync(CallAttempt attempt, Contact contact, CampaignSettings settings, CancellationToken ct)
    {
        var request = BuildRequest(attempt, contact, settings, options.Value);
        try
        {
            var call = await resilience.Pipeline.ExecuteAsync(async _ => await CallResource.CreateAsync(request, clients.Create()), ct);
            return new DialResult.Placed(call.Sid, call.Status?.ToString() ?? "queued");
        }
        catch (Exception e) when (TwilioResilience.NeverReachedTwilio(e) || e is BrokenCircuitException or RateLimiterRejectedException)
        {
            return new DialResult.NotSent(e.Message);
        }
        catch (ApiException e) when (e.Status is >= 400 and < 500)
        {
            log.LogWarning("Twilio refused attempt {AttemptId}: {Code} {Message}", attempt.Id, e.Code, e.Message);
            return new DialResult.Rejected(e.Code, e.Message);
        }
        catch (Exception e) when (e is TwilioException)
        {
            // a timeout after the request went out, a 5xx, a dropped connection: Twilio may have created the call
            log.LogWarning("Twilio's answer for attempt {AttemptId} was lost: {Error}", attempt.Id, e.InnerException?.Message ?? e.Message);
            return new DialResult.Unknown(e.InnerException?.Message ?? e.Message);
        }
    }

    /// <summary>The create-call request for an attempt: answer and status URLs on this worker, carrying the attempt id.</summary>
    public static CreateCallOptions BuildRequest(CallAttempt attempt, Contact contact, CampaignSettings settings, TwilioOptions o)
    {
        var hooks = o.PublicWebhookBaseUrl.TrimEnd('/');
        var request = new CreateCallOptions(new PhoneNumber(contact.Phone), new PhoneNumber(settings.CallerId))
        {
            Url = new Uri($"{hooks}/twilio/answer/{attempt.Id}"),
            Method = Twilio.Http.HttpMethod.Post,
            FallbackUrl = new Uri($"{hooks}/twilio/answer-fallback/{attempt.Id}"),
            FallbackMethod = Twilio.Http.HttpMethod.Post,
            StatusCallback = new Uri($"{hooks}/twilio/status/{attempt.Id}"),
            StatusCallbackEvent = Events,
            StatusCallbackMethod = Twilio.Http.HttpMethod.Post,
            Timeout = o.RingTimeoutSeconds,
        };
        if (settings.MachineHandling != MachineHandling.NoDetection)
        {
            request.MachineDetection = settings.MachineHandling == MachineHandling.VoicemailDrop ? "DetectMessageEnd" : "Enable";
            if (settings.AsyncMachineDetection)
            {
                request.AsyncAmd = "true";
                request.AsyncAmdStatusCallback = new Uri($"{hooks}/twilio/amd/{attempt.Id}");
                request.AsyncAmdStatusCallbackMethod = Twilio.Http.HttpMethod.Post;
            }
        }
        return request;
    }
}
