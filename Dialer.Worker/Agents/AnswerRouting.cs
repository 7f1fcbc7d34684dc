using Dialer.Contracts;
using Dialer.Core.Agents;
using Dialer.Core.Campaigns;
using Dialer.Core.Campaigns.Audio;
using Dialer.Core.Data;
using Dialer.Core.Dialing;
using Dialer.Worker.Agents.Lines;
using Dialer.Worker.Dialing;
using Dialer.Worker.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Twilio.TwiML;

namespace Dialer.Worker.Agents;

/// <summary>
/// The answer webhook's work: record the answer, and for a person reserve the campaign's longest-idle agent in
/// the same transaction, then put the customer in their room, or play the safe-harbour message when nobody is free.
/// </summary>
public sealed class AnswerRouting(DialerDb db, AttemptUpdates updates, TimeProvider clock,
    CampaignSettingsCache campaigns, CampaignAudioLinks audio, IOptions<TwilioOptions> twilio)
{
    /// <summary>
    /// The events of the answer (the screen pop among them) are committed with it; the outbox sends them at once. A
    /// person goes straight into the reserved agent's room by this response alone: no REST request, no ring.
    /// </summary>
    public async Task<VoiceResponse> AnswerAsync(Guid attemptId, string? answeredBy, string? callSid,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        CampaignSettings? settings = null;
        var plan = AnswerPlan.Person;
        ReservedAgent? agent = null;

        var attempt = await updates.ApplyAsync(attemptId, async (a, unit, ct) =>
        {
            a.AnsweredBy ??= answeredBy;
            var changed = a.AdoptCall(callSid) | a.Advance(AttemptState.InProgress, now);
            settings = await campaigns.GetAsync(a.CampaignId, ct);
            plan = AnswerTwiml.PlanFor(settings, answeredBy);
            if (plan != AnswerPlan.Person || a.IsFinal) return changed;
            if (a.LiveAnswer) // Twilio asked again (a retried webhook): give the same answer, reserve nobody new
            {
                agent = a.AgentId is { } id ? new ReservedAgent(id) : null;
                return changed;
            }
            var previewer = await PreviewAnswer.DialedByAsync(db, a, ct);
            agent = previewer ?? await AgentRouter.ReserveAsync(
                db, a.CampaignId, a.Id, settings.MinReadySeconds, now, ct);
            a.AnsweredLive(agent?.AgentId, now);
            if (agent is not null)
            {
                if (previewer is null)
                    unit.Publish(new AgentStateChanged(agent.AgentId, nameof(AgentState.Available),
                        nameof(AgentState.Reserved), "call answered", a.Id, now));
                unit.Publish(new CallBridgedToAgent(a.Id, a.CampaignId, agent.AgentId, a.ContactId, now));
            }
            return true;
        }, ct, neverEnds: true);
        if (attempt is null || settings is null || attempt.IsFinal) return new VoiceResponse().Hangup();

        var hooks = twilio.Value.PublicWebhookBaseUrl;
        // "call us back on {callerId}": the number the customer saw, which rings the campaign's callback line
        if (attempt.CallerId is { } shown) settings = settings with { CallerId = shown };
        return plan switch
        {
            AnswerPlan.Machine => AnswerTwiml.Machine(settings, await RecordingAsync(AudioMessage.Voicemail)),
            AnswerPlan.Broadcast => AnswerTwiml.Broadcast(settings, hooks, attempt.Id,
                await RecordingAsync(
                    settings.BroadcastMessage is null ? AudioMessage.SafeHarbour : AudioMessage.Broadcast)),
            _ when agent is null => CampaignSpeech.SafeHarbour(settings, hooks, attempt.Id,
                await RecordingAsync(AudioMessage.SafeHarbour)),
            _ => RoomTwiml.Customer(agent.AgentId, attempt.Id, hooks),
        };

        Task<Uri?> RecordingAsync(AudioMessage message) => audio.UrlAsync(attempt.CampaignId, message, hooks, ct);
    }
}
