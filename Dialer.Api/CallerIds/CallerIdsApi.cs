using Dialer.Api.Auth;
using Dialer.Core.CallerIds;
using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.CallerIds;

/// <summary>A campaign's caller IDs today (calls, answer rate, cap, rest), and a manager's clearing of a rest.
/// </summary>
public static class CallerIdsApi
{
    /// <param name="campaign">the /api/campaigns/{id} group</param>
    public static RouteGroupBuilder MapCallerIdsApi(this RouteGroupBuilder campaign)
    {
        campaign.MapGet("/caller-ids", Get).RequireAuthorization(Policies.Reader)
            .WithDescription("Each caller ID of the campaign's pool in its own local day: calls, answers, answer rate, "
                + "whether it is at the daily cap or resting, and the pool's answer rate.");
        // the number in the body, never the path: no phone number reaches an access log
        campaign.MapPost("/caller-ids/rest-clearances", ClearRest).RequireAuthorization(Policies.Manager)
            .WithDescription("Lifts today's rest of one of the campaign's numbers (body: {\"number\": E.164}): it "
                + "calls again, judged afresh on the calls it places from now on.");
        return campaign;
    }

    static async Task<Results<Ok<CallerIdsView>, NotFound>> Get(Guid id, DialerDb db, TimeProvider clock,
        CancellationToken ct)
    {
        var settings = await db.Campaigns.AsNoTracking().Where(c => c.Id == id).Select(c => c.Settings)
            .SingleOrDefaultAsync(ct);
        if (settings is null) return TypedResults.NotFound();
        var now = clock.GetUtcNow();
        var today = CallerIdPool.NeedsLedger(settings)
            ? await CallerIdLedger.TodayAsync(db, CallerIdPool.All(settings), now, ct)
            : await CallerIdLedger.FromAttemptsAsync(db, settings.CallerId, now, ct);
        return TypedResults.Ok(CallerIdsView.Of(settings, today, now));
    }

    public sealed record RestClearance(string? Number);

    static async Task<Results<NoContent, NotFound, ValidationProblem, Conflict<ProblemDetails>>> ClearRest(Guid id,
        RestClearance body, DialerDb db, TimeProvider clock, HttpContext http, ILogger<CallerIdFigures> log,
        CancellationToken ct)
    {
        var number = body.Number ?? "";
        if (number.Length > 16 || !Phones.IsE164(number))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["number"] = ["An E.164 number such as +14155550100."],
            });
        var settings = await db.Campaigns.AsNoTracking().Where(c => c.Id == id).Select(c => c.Settings)
            .SingleOrDefaultAsync(ct);
        if (settings is null || !CallerIdPool.All(settings).Contains(number)) return TypedResults.NotFound();
        if (!await CallerIdLedger.ClearRestAsync(db, number, clock.GetUtcNow(), http.User.AuditId(), ct))
            return Hosting.Problems.Conflict(new Core.Campaigns.Refusal("The number is not resting today."));
        log.LogInformation("Caller ID {CallerId} of campaign {CampaignId}: rest cleared by {User}",
            PhoneRedaction.Mask(number), id, http.User.AuditId());
        return TypedResults.NoContent();
    }
}
