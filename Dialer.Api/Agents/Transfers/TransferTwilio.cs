using Dialer.Api.Supervision;
using Dialer.Core.Transfers;
using Dialer.ServiceDefaults.Twilio;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Rest.Api.V2010.Account.Conference;
using Twilio.Types;

namespace Dialer.Api.Agents.Transfers;

/// <summary>
/// The Twilio requests of a transfer. The third party is a participant created into a room (the agent's, or the
/// transfer's own); a call moves to another room by a Calls update whose Url is the Worker's TwiML for it, so the
/// TwiML of every room stays in the Worker.
/// </summary>
public sealed class TransferTwilio(SupervisionTwilio twilio)
{
    public const int RingSeconds = 30;

    /// <param name="room">the agent's room's SID, or the transfer's room's name (Twilio creates it)</param>
    /// <param name="endsRoom">true in the transfer's own room: the customer is not left alone there with music</param>
    /// <returns>the third party's call SID</returns>
    public async Task<string> AddThirdPartyAsync(
        string room, string number, string callerId, Guid transferId, bool endsRoom)
    {
        var request = new CreateParticipantOptions(room, new PhoneNumber(callerId), new PhoneNumber(number))
        {
            Label = TransferRoom.ThirdPartyLabel,
            Beep = "false",
            StartConferenceOnEnter = true,
            EndConferenceOnExit = endsRoom,
            EarlyMedia = false,
            Timeout = RingSeconds,
            StatusCallback = new Uri(WebhookRoutes.TransferThirdPartyStatusUrl(Hooks, transferId)),
            StatusCallbackMethod = Twilio.Http.HttpMethod.Post,
            StatusCallbackEvent = ["completed"],
        };
        return (await ParticipantResource.CreateAsync(request, twilio.Client())).CallSid;
    }

    /// <summary>The customer leaves the agent's room for the transfer's room.</summary>
    public Task MoveCustomerAsync(string customerCallSid, Guid transferId) =>
        MoveAsync(customerCallSid, WebhookRoutes.TransferCustomerUrl(Hooks, transferId));

    /// <summary>The customer leaves the agent's room for another agent's, as an answered customer joins it.</summary>
    public Task MoveCustomerToAgentAsync(string customerCallSid, Guid agentId, Guid attemptId) =>
        MoveAsync(customerCallSid, WebhookRoutes.TransferToAgentUrl(Hooks, agentId, attemptId));

    /// <summary>
    /// The third party leaves the agent's room for the transfer's room, where the customer joins them.
    /// </summary>
    public Task MoveThirdPartyAsync(string callSid, Guid transferId) =>
        MoveAsync(callSid, WebhookRoutes.TransferThirdPartyUrl(Hooks, transferId));

    /// <summary>
    /// Music for the customer while the agent consults (as the console's hold), or back with the agent.
    /// </summary>
    public Task HoldAsync(string room, string customerCallSid, bool hold) =>
        ParticipantResource.UpdateAsync(new UpdateParticipantOptions(room, customerCallSid)
        {
            Hold = hold,
            HoldUrl = hold ? new Uri(WebhookRoutes.HoldMusicUrl(Hooks)) : null,
            HoldMethod = hold ? Twilio.Http.HttpMethod.Post : null,
        }, twilio.Client());

    /// <summary>Ends a call that may be gone already (that is no failure here).</summary>
    public async Task HangUpAsync(string callSid)
    {
        try
        {
            await CallResource.UpdateAsync(
                new UpdateCallOptions(callSid) { Status = CallResource.UpdateStatusEnum.Completed }, twilio.Client());
        }
        catch (ApiException e) when (Lines.OwnCalls.IsGone(e))
        {
        }
    }

    /// <summary>
    /// As <see cref="HoldAsync"/> taking the customer off hold, when they may have hung up meanwhile.
    /// </summary>
    public async Task OffHoldIfThereAsync(string room, string customerCallSid)
    {
        try
        {
            await HoldAsync(room, customerCallSid, hold: false);
        }
        catch (ApiException e) when (Lines.OwnCalls.IsGone(e))
        {
        }
    }

    Task MoveAsync(string callSid, string url) => CallResource.UpdateAsync(
        new UpdateCallOptions(callSid) { Url = new Uri(url), Method = Twilio.Http.HttpMethod.Post }, twilio.Client());

    /// <summary>The Worker's address as Twilio reaches it: the TwiML of every room is there.</summary>
    string Hooks => twilio.Options.PublicWebhookBaseUrl;
}
