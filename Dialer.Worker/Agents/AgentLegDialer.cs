using Dialer.Core.Dialing;
using Dialer.Worker.Dialing;
using Microsoft.Extensions.Options;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account.Conference;
using Twilio.Types;

namespace Dialer.Worker.Agents;

/// <summary>An agent to bring into the customer's conference: their browser phone, rung from the campaign's caller ID.</summary>
public sealed record AgentLeg(Guid AttemptId, string ClientIdentity, string CallerId);

/// <summary>
/// Brings the reserved agent into the attempt's conference with the Participants API: one request that rings the
/// agent's Client with the ring timeout and puts them in the room on answer, labelled "agent", ending the room when
/// they leave; its status callback says when they answered or that they never did. Supervisors join the same way.
/// Not through the dialing pipeline's rate limiter: the customer is already waiting, and Twilio queues a call over
/// the account's rate rather than refusing it.
/// </summary>
public sealed class AgentLegDialer(TwilioClients clients, IServiceScopeFactory scopes, IOptions<TwilioOptions> twilio,
    IOptions<AgentOptions> agents, ILogger<AgentLegDialer> log)
{
    public static readonly List<string> Events = ["answered", "completed"];

    public async Task RingAsync(AgentLeg leg, CancellationToken ct)
    {
        var hooks = twilio.Value.PublicWebhookBaseUrl.TrimEnd('/');
        var request = new CreateParticipantOptions(CallAttempt.ConferenceNameOf(leg.AttemptId), new PhoneNumber(leg.CallerId), new Client(leg.ClientIdentity))
        {
            Label = "agent",
            Timeout = agents.Value.RingSeconds,
            StartConferenceOnEnter = true,
            EndConferenceOnExit = true,
            Beep = "false",
            StatusCallback = new Uri($"{hooks}/twilio/agent-leg/{leg.AttemptId}"),
            StatusCallbackMethod = Twilio.Http.HttpMethod.Post,
            StatusCallbackEvent = Events,
        };
        await using var scope = scopes.CreateAsyncScope();
        var outcomes = scope.ServiceProvider.GetRequiredService<AgentLegOutcomes>();
        try
        {
            var participant = await ParticipantResource.CreateAsync(request, clients.Create());
            await outcomes.PlacedAsync(leg.AttemptId, participant.ConferenceSid, participant.CallSid, ct);
        }
        catch (TwilioException e)
        {
            log.LogWarning("The agent's leg of attempt {AttemptId} was not placed: {Error}", leg.AttemptId, e.InnerException?.Message ?? e.Message);
            await outcomes.MissedAsync(leg.AttemptId, ct);
        }
    }
}
