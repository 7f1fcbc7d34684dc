using Dialer.Api.Auth;
using Dialer.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Campaigns.Prelaunch;

/// <summary>
/// Before the first call: who will be called now, later, never (and why), and what each dialing mode would give.
/// </summary>
public static class PrelaunchApi
{
    /// <param name="campaign">the /api/campaigns/{id} group</param>
    public static RouteGroupBuilder MapPrelaunchApi(this RouteGroupBuilder campaign)
    {
        var group = campaign.MapGroup("").RequireAuthorization(Policies.Reader);
        group.MapGet("/prelaunch", Check)
            .WithDescription(
                "Contacts callable now, later today, later, and never, with the reasons, as if the campaign were "
                + "launched now; and any caller ID Twilio would refuse (not the account's, or not voice-capable).");
        group.MapPost("/forecast", Forecast)
            .WithDescription(
                "Simulates the campaign in progressive, power and predictive modes. Figures left out come from the "
                + "agents logged in to the campaign and its own call history (at least 100 dials, 20 connects), "
                + "else defaults.");
        group.MapGet("/forecast/inputs", Inputs)
            .WithDescription("The figures a forecast without any would run with, and where each comes from.");
        return campaign;
    }

    static async Task<Results<Ok<PrelaunchReport>, NotFound>> Check(Guid id, DialerDb db, PrelaunchCheck check,
        CallerIds.CallerIdOwnership ownership, CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null) return TypedResults.NotFound();
        var report = await check.RunAsync(campaign, ct);
        var callerIds = await ownership.ProblemsAsync(campaign.Settings, ct);
        return TypedResults.Ok(report with { Problems = [.. report.Problems, .. callerIds] });
    }

    static async Task<Results<Ok<Forecast>, NotFound, ValidationProblem, ProblemHttpResult>> Forecast(
        Guid id, ForecastRequest request, DialerDb db, PrelaunchCheck check, ForecastGate gate, HttpResponse response,
        CancellationToken ct)
    {
        var errors = CampaignForecast.Validate(request);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        using var slot = gate.TryEnter();
        if (slot is null) return gate.Busy(response);
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null) return TypedResults.NotFound();
        var inputs = (await ForecastInputs.LoadAsync(db, id, ct)).With(request);
        errors = CampaignForecast.ValidateAgents(inputs);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var report = await check.RunAsync(campaign, ct);
        return TypedResults.Ok(await Task.Run(
            () => CampaignForecast.Run(campaign.Settings, inputs, report.Callable), ct));
    }

    static async Task<Results<Ok<ForecastInputs>, NotFound>> Inputs(Guid id, DialerDb db, CancellationToken ct)
    {
        if (!await db.Campaigns.AnyAsync(c => c.Id == id, ct)) return TypedResults.NotFound();
        return TypedResults.Ok(await ForecastInputs.LoadAsync(db, id, ct));
    }
}
