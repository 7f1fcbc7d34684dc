using Dialer.Core.Supervision;
using Dialer.ServiceDefaults.Twilio;
using Twilio.Rest.Api.V2010.Account.Conference;
using Twilio.Types;

namespace Dialer.Api.Supervision;

/// <summary>
/// The supervisor as a participant of the agent's conference. The modes are the participant's Muted and Coaching:
/// listen is muted, whisper coaches the agent's leg (only the agent hears), barge is neither. The leg never starts
/// or ends the room, so it cannot change how the call ends.
/// </summary>
public sealed class SupervisorLeg(SupervisionTwilio twilio)
{
    public async Task<string> JoinAsync(SupervisionSession session, string callerId, string agentCallSid,
        CancellationToken ct)
    {
        var (muted, coaching) = Flags(session.Mode);
        var request = new CreateParticipantOptions(session.ConferenceSid, new PhoneNumber(callerId),
            Endpoint(session.To))
        {
            Label = "supervisor-" + session.Id.ToString("N")[..12],
            Muted = muted,
            Coaching = coaching,
            CallSidToCoach = coaching ? agentCallSid : null,
            StartConferenceOnEnter = false,
            EndConferenceOnExit = false,
            Beep = "false",
            EarlyMedia = false,
            Timeout = 30,
            StatusCallback = new Uri(WebhookRoutes.SupervisorLegUrl(twilio.Options.PublicWebhookBaseUrl, session.Id)),
            StatusCallbackMethod = Twilio.Http.HttpMethod.Post,
            StatusCallbackEvent = ["completed"],
        };
        ct.ThrowIfCancellationRequested();
        return (await ParticipantResource.CreateAsync(request, twilio.Client())).CallSid;
    }

    /// <summary>Changes the mode in place: the same leg, no re-dial.</summary>
    public async Task SwitchAsync(SupervisionSession session, string agentCallSid, CancellationToken ct)
    {
        var (muted, coaching) = Flags(session.Mode);
        var request = new UpdateParticipantOptions(session.ConferenceSid, session.CallSid!)
        {
            Muted = muted,
            Coaching = coaching,
            CallSidToCoach = coaching ? agentCallSid : null,
        };
        ct.ThrowIfCancellationRequested();
        await ParticipantResource.UpdateAsync(request, twilio.Client());
    }

    public async Task LeaveAsync(SupervisionSession session, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        await ParticipantResource.DeleteAsync(session.ConferenceSid, session.CallSid!, client: twilio.Client());
    }

    static (bool Muted, bool Coaching) Flags(SupervisionMode mode) => mode switch
    {
        SupervisionMode.Listen => (true, false),
        SupervisionMode.Whisper => (false, true),
        _ => (false, false),
    };

    static IEndpoint Endpoint(string to) =>
        to.StartsWith("client:", StringComparison.Ordinal) ? new Client(to["client:".Length..]) : new PhoneNumber(to);
}
