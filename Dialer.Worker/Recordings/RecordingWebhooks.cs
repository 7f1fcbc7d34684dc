using Dialer.Core.Campaigns.Audio;
using Dialer.Core.Data;
using Dialer.Core.Recordings;
using Dialer.ServiceDefaults.Twilio;
using Dialer.Worker.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Twilio.TwiML;

namespace Dialer.Worker.Recordings;

/// <summary>The recording's notice the customer hears, and Twilio's word that a recording is complete.</summary>
public static class RecordingWebhooks
{
    public static RouteGroupBuilder MapRecordingWebhooks(this RouteGroupBuilder group)
    {
        group.MapPost(WebhookRoutes.RecordingNotice, Notice);
        group.MapPost(WebhookRoutes.Recording, Status);
        return group;
    }

    static async Task<IResult> Notice(Guid campaignId, CampaignSettingsCache campaigns, CampaignAudioLinks audio,
        IOptions<TwilioOptions> twilio, CancellationToken ct)
    {
        var settings = await campaigns.GetAsync(campaignId, ct);
        var recording = await audio.UrlAsync(campaignId, AudioMessage.RecordingNotice,
            twilio.Value.PublicWebhookBaseUrl, ct);
        return Results.Content(new VoiceResponse().SayAs(settings, settings.Recording.Notice, recording).ToString(),
            "application/xml");
    }

    static async Task<IResult> Status(Guid attemptId, HttpRequest request, DialerDb db, TimeProvider clock,
        CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var sid = form["RecordingSid"].ToString();
        var status = form["RecordingStatus"].ToString() switch
        {
            "completed" => RecordingStatus.Completed,
            "absent" or "failed" => RecordingStatus.Failed,
            _ => RecordingStatus.InProgress,
        };
        var seconds = int.TryParse(form["RecordingDuration"], out var d) ? d : (int?)null;
        var recording = await db.CallRecordings.FirstOrDefaultAsync(r => r.AttemptId == attemptId
            && r.RecordingSid == sid, ct);
        if (recording is not null && recording.Finished(status, seconds, clock.GetUtcNow()))
            await db.SaveChangesAsync(ct);
        return Results.NoContent();
    }
}
