using Dialer.Core.Agents.Lines;
using Dialer.Core.Campaigns;
using Dialer.Core.Contacts;
using Dialer.Core.Dialing;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Rest.Api.V2010.Account.Conference;
using Twilio.Types;

namespace Dialer.Worker.Dialing;

/// <summary>Creates the attempt's call through the Twilio SDK and says, honestly, what became of the request.</summary>
public sealed class TwilioDialer(TwilioClients clients, TwilioResilience resilience, IOptions<TwilioOptions> options,
    ILogger<TwilioDialer> log)
{
    static readonly List<string> Events = ["initiated", "ringing", "answered", "completed"];

    /// <param name="leaving">run as each request leaves, in its turn of the account's rate; its exceptions pass
    /// through</param>
    public async Task<DialResult> PlaceAsync(CallAttempt attempt, Contact contact, CampaignSettings settings,
        Func<CancellationToken, ValueTask> leaving, CancellationToken ct)
    {
        try
        {
            if (attempt.AgentId is { } previewer) // only a preview dial has its agent before the answer
            {
                var participant = BuildPreviewRequest(attempt, previewer, contact, settings, options.Value);
                var joined = await resilience.SendAsync(leaving,
                    () => ParticipantResource.CreateAsync(participant, clients.Create()), ct);
                return new DialResult.Placed(joined.CallSid, joined.Status?.ToString() ?? "queued");
            }
            var request = BuildRequest(attempt, contact, settings, options.Value);
            var call = await resilience.SendAsync(leaving,
                () => CallResource.CreateAsync(request, clients.Create()), ct);
            return new DialResult.Placed(call.Sid, call.Status?.ToString() ?? "queued");
        }
        catch (Exception e) when (TwilioResilience.NeverReachedTwilio(e)
            || e is BrokenCircuitException or RateLimiterRejectedException)
        {
            return new DialResult.NotSent(e.Message);
        }
        catch (ApiException e) when (e.Status is >= 400 and < 500)
        {
            var rejected = new DialResult.Rejected(e.Status, e.Code, e.Message);
            log.LogWarning("Twilio refused attempt {AttemptId} ({Refusal}): {Status}/{Code} {Message}", attempt.Id,
                rejected.Refusal, e.Status, e.Code, PhoneRedaction.Redact(e.Message));
            if (rejected.Refusal == DialRefusal.AccountOrConfiguration)
                resilience.HoldForAccountError(e.Status, e.Code);
            return rejected;
        }
        catch (Exception e) when (e is TwilioException)
        {
            // a timeout after the request went out, a 5xx, a dropped connection: Twilio may have created the call
            log.LogWarning("Twilio's answer for attempt {AttemptId} was lost: {Error}", attempt.Id,
                e.InnerException?.Message ?? e.Message);
            return new DialResult.Unknown(e.InnerException?.Message ?? e.Message);
        }
    }

    /// <summary>
    /// The create-call request for an attempt: answer and status URLs on this worker, carrying the attempt id.
    /// </summary>
    public static CreateCallOptions BuildRequest(
        CallAttempt attempt, Contact contact, CampaignSettings settings, TwilioOptions o)
    {
        var hooks = o.PublicWebhookBaseUrl.TrimEnd('/');
        var request = new CreateCallOptions(new PhoneNumber(contact.Phone), new PhoneNumber(settings.CallerId))
        {
            Url = new Uri(WebhookRoutes.AnswerUrl(hooks, attempt.Id)),
            Method = Twilio.Http.HttpMethod.Post,
            FallbackUrl = new Uri(WebhookRoutes.AnswerFallbackUrl(o.FallbackWebhookBaseUrl ?? hooks, attempt.Id)),
            FallbackMethod = Twilio.Http.HttpMethod.Post,
            StatusCallback = new Uri(WebhookRoutes.StatusUrl(hooks, attempt.Id)),
            StatusCallbackEvent = Events,
            StatusCallbackMethod = Twilio.Http.HttpMethod.Post,
            Timeout = o.RingTimeoutSeconds,
        };
        if (settings.MachineHandling != MachineHandling.NoDetection)
        {
            request.MachineDetection = settings.MachineHandling == MachineHandling.VoicemailDrop ? "DetectMessageEnd"
                : "Enable";
            if (settings.AsyncMachineDetection)
            {
                request.AsyncAmd = "true";
                request.AsyncAmdStatusCallback = new Uri(WebhookRoutes.AmdUrl(hooks, attempt.Id));
                request.AsyncAmdStatusCallbackMethod = Twilio.Http.HttpMethod.Post;
            }
        }
        return request;
    }

    /// <summary>
    /// A preview call rings straight into the agent's room: the agent hears it ring (early media) and the customer
    /// joins them on answer, with no answer webhook between. Were the agent's line gone by then, the room's own join
    /// event (asked for here too, as this call may be the one to open the room) finds it empty and plays the message.
    /// </summary>
    public static CreateParticipantOptions BuildPreviewRequest(CallAttempt attempt, Guid agentId, Contact contact,
        CampaignSettings settings, TwilioOptions o)
    {
        var hooks = o.PublicWebhookBaseUrl.TrimEnd('/');
        return new CreateParticipantOptions(AgentRoom.NameOf(agentId), new PhoneNumber(settings.CallerId),
            new PhoneNumber(contact.Phone))
        {
            Label = AgentRoom.CustomerLabel,
            EarlyMedia = true,
            Beep = "false",
            StartConferenceOnEnter = true,
            EndConferenceOnExit = false,
            StatusCallback = new Uri(WebhookRoutes.StatusUrl(hooks, attempt.Id)),
            StatusCallbackEvent = Events,
            StatusCallbackMethod = Twilio.Http.HttpMethod.Post,
            ConferenceStatusCallback = new Uri(WebhookRoutes.RoomUrl(hooks, agentId)),
            ConferenceStatusCallbackEvent = ["join", "leave"],
            ConferenceStatusCallbackMethod = Twilio.Http.HttpMethod.Post,
            Timeout = o.RingTimeoutSeconds,
        };
    }
}
