using Dialer.Contracts;
using Dialer.Core.Agents;
using Dialer.Core.Agents.Lines;
using Dialer.Core.Data;
using Dialer.Worker.Dialing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Dialer.Worker.Agents.Lines;

/// <summary>
/// Places the agent's line: one call to the agent (browser phone, phone or SIP) whose TwiML puts them in their room for
/// the shift. Not through the dialing pipeline's rate limiter: one call per agent per shift, and the agent is waiting.
/// </summary>
public sealed class AgentLineConsumer(DialerDb db, TwilioClients clients, AgentLineChanges lines,
    IOptions<TwilioOptions> twilio, IOptions<AgentOptions> agents,
    ILogger<AgentLineConsumer> log) : IConsumer<ConnectAgentLine>, IConsumer<HangUpAgentLine>
{
    static readonly List<string> Events = ["initiated", "ringing", "answered", "completed"];

    public async Task Consume(ConsumeContext<ConnectAgentLine> context)
    {
        var (agentId, requestId) = (context.Message.AgentId, context.Message.RequestId);
        var ct = context.CancellationToken;
        var agent = await db.Agents.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agentId, ct);
        // a repeated message, or a request the agent replaced or closed meanwhile: nothing to place
        if (agent is null || agent.LineRequestId != requestId || agent.LineState != LineState.Connecting
            || agent.LineCallSid is not null)
            return;

        string sid;
        try
        {
            sid = (await CallResource.CreateAsync(Request(agent), clients.Create())).Sid;
        }
        catch (ApiException e)
        {
            log.LogWarning(
                "The line of agent {AgentId} was refused by Twilio: {Code} {Message}", agentId, e.Code, e.Message);
            await lines.ApplyAsync(agentId, (a, now) => a.LineRequestId == requestId
                && a.LineDropped(null, $"Twilio refused the line ({e.Code}): {e.Message}", now), ct);
            return;
        }
        if (await lines.ApplyAsync(agentId, (a, _) => a.LinePlaced(requestId, sid), ct) is null)
            await HangUpAsync(agentId, sid, ct); // closed while it was being placed
    }

    public Task Consume(ConsumeContext<HangUpAgentLine> context) =>
        HangUpAsync(context.Message.AgentId, context.Message.CallSid, context.CancellationToken);

    async Task HangUpAsync(Guid agentId, string callSid, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        try
        {
            await CallResource.UpdateAsync(
                new UpdateCallOptions(callSid) { Status = CallResource.UpdateStatusEnum.Completed }, clients.Create());
        }
        catch (ApiException e) when (e.Status == 404 || e.Code == 21220)
        {
            // its status callback was lost (a Worker down as it ended): record the end here, or the healer asks
            // again every round for ever
            log.LogInformation("The line of agent {AgentId} had already ended", agentId);
            await lines.ApplyAsync(agentId, (a, now) => a.LineDropped(callSid, "the line had already ended", now), ct);
        }
    }

    CreateCallOptions Request(Agent agent)
    {
        var o = twilio.Value;
        return new CreateCallOptions(Endpoint(agent), new PhoneNumber(o.AgentLineCallerId))
        {
            Twiml = new Twilio.Types.Twiml(RoomTwiml.AgentLine(agent.Id, o.PublicWebhookBaseUrl).ToString()),
            StatusCallback = new Uri(WebhookRoutes.AgentLineUrl(o.PublicWebhookBaseUrl, agent.Id)),
            StatusCallbackEvent = Events,
            StatusCallbackMethod = Twilio.Http.HttpMethod.Post,
            Timeout = agents.Value.LineRingSeconds,
            TimeLimit = RoomTwiml.ShiftSeconds,
        };
    }

    static IEndpoint Endpoint(Agent agent) => agent.LineKind switch
    {
        LineKind.Phone => new PhoneNumber(agent.LineAddress),
        LineKind.Sip => new SipAddress(agent.LineAddress!),
        _ => new Client(agent.ClientIdentity),
    };
}

/// <summary>A SIP URI as the To of a call (the SDK's endpoint types are a phone number and a client).</summary>
sealed record SipAddress(string Uri) : IEndpoint
{
    public override string ToString() => Uri;
}
