using System.Security.Claims;
using Dialer.Api.Hosting;
using Dialer.Api.Supervision;
using Dialer.Core.Agents;
using Dialer.Core.Agents.Lines;
using Dialer.Core.Campaigns;
using Dialer.Core.Data;
using Dialer.ServiceDefaults.Twilio;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Rest.Api.V2010.Account.Conference;

namespace Dialer.Api.Agents.Lines;

/// <summary>
/// The console's call controls. Hang-up ends the customer's leg and never the agent's line; hold gives the customer
/// music; digits are played to the customer; mute silences the agent in their own room. Only on the agent's own call.
/// </summary>
public static class AgentCallControlApi
{
    public sealed record HoldRequest(bool Hold);
    public sealed record DigitsRequest(string? Digits);
    public sealed record MuteRequest(bool Muted);

    public static RouteGroupBuilder MapAgentCallControlApi(this RouteGroupBuilder agentGroup)
    {
        agentGroup.MapPost("/calls/{attemptId:guid}/hangup", HangUp);
        agentGroup.MapPost("/calls/{attemptId:guid}/hold", Hold);
        agentGroup.MapPost("/calls/{attemptId:guid}/digits", Digits);
        agentGroup.MapPost("/line/mute", Mute);
        return agentGroup;
    }

    static Task<IResult> HangUp(Guid attemptId, ClaimsPrincipal user, DialerDb db, SupervisionTwilio twilio,
        CancellationToken ct) =>
        OnOwnCallAsync(attemptId, user, db, async call =>
            await CallResource.UpdateAsync(
                new UpdateCallOptions(call.CustomerCallSid) { Status = CallResource.UpdateStatusEnum.Completed },
                twilio.Client()), ct);

    static Task<IResult> Hold(Guid attemptId, HoldRequest request, ClaimsPrincipal user, DialerDb db,
        SupervisionTwilio twilio, CancellationToken ct) =>
        OnOwnCallAsync(attemptId, user, db, async call =>
            await ParticipantResource.UpdateAsync(new UpdateParticipantOptions(call.Room, call.CustomerCallSid)
            {
                Hold = request.Hold,
                HoldUrl = request.Hold ? new Uri(WebhookRoutes.HoldMusicUrl(Hooks(twilio))) : null,
                HoldMethod = request.Hold ? Twilio.Http.HttpMethod.Post : null,
            }, twilio.Client()), ct);

    static async Task<IResult> Digits(Guid attemptId, DigitsRequest request, ClaimsPrincipal user, DialerDb db,
        SupervisionTwilio twilio, CancellationToken ct)
    {
        if (!Dtmf.IsValid(request.Digits) || request.Digits is not { } digits)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["digits"] = [Dtmf.Rule] });
        return await OnOwnCallAsync(attemptId, user, db, async call =>
            await ParticipantResource.UpdateAsync(new UpdateParticipantOptions(call.Room, call.CustomerCallSid)
            {
                AnnounceUrl = new Uri(WebhookRoutes.DigitsUrl(Hooks(twilio), digits)),
                AnnounceMethod = Twilio.Http.HttpMethod.Post,
            }, twilio.Client()), ct);
    }

    static async Task<IResult> Mute(MuteRequest request, ClaimsPrincipal user, DialerDb db, SupervisionTwilio twilio,
        CancellationToken ct)
    {
        var line = await db.Agents.AsNoTracking().Where(a => a.Id == AgentConsoleApi.AgentIdOf(user))
            .Select(a => new { a.LineState, a.LineCallSid, a.RoomSid }).FirstOrDefaultAsync(ct);
        if (line is null) return TypedResults.NotFound();
        if (line is not { LineState: Core.Agents.Lines.LineState.Open, LineCallSid: { } sid, RoomSid: { } room })
            return Problems.Conflict(new Refusal("Your line is not open."));
        return await TwilioAsync(async () => await ParticipantResource.UpdateAsync(
            new UpdateParticipantOptions(room, sid) { Muted = request.Muted }, twilio.Client()));
    }

    static async Task<IResult> OnOwnCallAsync(Guid attemptId, ClaimsPrincipal user, DialerDb db,
        Func<OwnCall, Task> act, CancellationToken ct)
    {
        var (call, refusal) = await OwnCalls.FindAsync(attemptId, user, db, ct);
        if (refusal is not null) return refusal;
        ct.ThrowIfCancellationRequested();
        return await TwilioAsync(() => act(call!));
    }

    static Task<IResult> TwilioAsync(Func<Task> request) => OwnCalls.TwilioAsync(async () =>
    {
        await request();
        return TypedResults.NoContent();
    });

    /// <summary>The Worker's address as Twilio reaches it: the hold music and the digits' TwiML are there.</summary>
    static string Hooks(SupervisionTwilio twilio) => twilio.Options.PublicWebhookBaseUrl;
}
