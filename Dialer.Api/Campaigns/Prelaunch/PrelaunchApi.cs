using Dialer.Api.Auth;
using Dialer.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Campaigns.Prelaunch;

/// <summary>Before the first call: who will be called now, later, never (and why), and what each dialing mode would give.</summary>
public static class PrelaunchApi
{
    public static RouteGroupBuilder MapPrelaunchApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/campaigns/{id:guid}").WithTags("Pre-launch").RequireAuthorization(Policies.Reader);
        group.MapGet("/prelaunch", Check)
            .WithDescription("Contacts callable now, later today, later, and never, with the reasons, as if the campaign were launched now.");
        group.MapPost("/forecast", Forecast)
            .WithDescription("Simulates the campaign with the given agents in progressive, power and predictive modes.");
        return group;
    }

    static async Task<Results<Ok<PrelaunchReport>, NotFound>> Check(Guid id, DialerDb db, PrelaunchCheck check, CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null) return TypedResults.NotFound();
        return TypedResults.Ok(await check.RunAsync(campaign, ct));
    }

    static async Task<Results<Ok<Forecast>, NotFound, ValidationProblem>> Forecast(
        Guid id, ForecastRequest request, DialerDb db, PrelaunchCheck check, CancellationToken ct)
    {
        var errors = CampaignForecast.Validate(request);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null) return TypedResults.NotFound();
        var report = await check.RunAsync(campaign, ct);
        return TypedResults.Ok(await Task.Run(() => CampaignForecast.Run(campaign.Settings, request, report.Callable), ct));
    }
}
