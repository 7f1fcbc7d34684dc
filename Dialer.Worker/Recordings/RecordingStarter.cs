using Dialer.Core.Data;
using Dialer.Core.Dialing;
using Dialer.Core.Recordings;
using Dialer.Worker.Dialing;
using Dialer.Worker.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account.Conference;

namespace Dialer.Worker.Recordings;

/// <summary>
/// For a campaign that records: the moment the customer is in the agent's room, they are told (an announcement to them
/// alone, the campaign's notice) and their call's recording starts. After the join, never before: the customer reaches
/// the agent at once, and nothing on the answer's path waits for a REST request.
/// </summary>
public sealed class RecordingStarter(DialerDb db, CampaignSettingsCache campaigns, TwilioClients clients,
    IOptions<TwilioOptions> twilio, TimeProvider clock, ILogger<RecordingStarter> log)
{
    public async Task StartAsync(CallAttempt attempt, Guid agentId, string roomSid, CancellationToken ct)
    {
        if (attempt.CallSid is not { } customer) return;
        var settings = (await campaigns.GetAsync(attempt.CampaignId, ct)).Recording;
        if (!settings.Enabled) return;
        var hooks = twilio.Value.PublicWebhookBaseUrl.TrimEnd('/');
        try
        {
            await ParticipantResource.UpdateAsync(new UpdateParticipantOptions(roomSid, customer)
            {
                AnnounceUrl = new Uri(WebhookRoutes.RecordingNoticeUrl(hooks, attempt.CampaignId)),
                AnnounceMethod = Twilio.Http.HttpMethod.Post,
            }, clients.Create());
            var recording = await Twilio.Rest.Api.V2010.Account.Call.RecordingResource.CreateAsync(
                new Twilio.Rest.Api.V2010.Account.Call.CreateRecordingOptions(customer)
                {
                    RecordingStatusCallback = new Uri(WebhookRoutes.RecordingUrl(hooks, attempt.Id)),
                    RecordingStatusCallbackMethod = Twilio.Http.HttpMethod.Post,
                    RecordingStatusCallbackEvent = ["completed", "absent"],
                    RecordingChannels = "dual",
                }, clients.Create());
            db.CallRecordings.Add(CallRecording.Started(attempt.Id, attempt.CampaignId, agentId, recording.Sid,
                settings.RetentionDays, clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
        }
        catch (TwilioException e)
        {
            // the call goes on unrecorded; the attempt shows no recording, which is what happened
            log.LogWarning("Recording of attempt {AttemptId} not started: {Error}", attempt.Id, e.Message);
        }
    }
}
