using Dialer.Api.Auth;
using Dialer.Core.Campaigns;
using Dialer.Core.Changes;
using Dialer.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Campaigns;

/// <summary>A new draft with the same definition (no contacts): how a completed campaign runs again.</summary>
public static class CampaignCloneApi
{
    public sealed record CloneRequest(string? Name);

    /// <param name="campaign">the /api/campaigns/{id} group</param>
    public static RouteGroupBuilder MapCampaignCloneApi(this RouteGroupBuilder campaign)
    {
        campaign.MapPost("/clone", Clone).RequireAuthorization(Policies.Marketer);
        return campaign;
    }

    static async Task<Results<CreatedAtRoute<CampaignResponse>, NotFound, ValidationProblem>> Clone(
        Guid id, CloneRequest? request, DialerDb db, CampaignHistory history, TimeProvider clock, CancellationToken ct)
    {
        var source = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (source is null) return TypedResults.NotFound();
        var now = clock.GetUtcNow();
        var name = string.IsNullOrWhiteSpace(request?.Name) ? $"Copy of {source.Name}" : request.Name.Trim();
        var settings = source.Settings with
        {
            Name = name.Length > 200 ? name[..200] : name,
            // a schedule that has passed would only stop the copy from starting
            StartAt = source.Settings.StartAt > now ? source.Settings.StartAt : null,
            EndAt = source.Settings.EndAt > now ? source.Settings.EndAt : null,
        };
        var errors = CampaignSettingsValidator.Validate(settings);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var copy = Campaign.Create(settings, now);
        copy.TeamId = source.TeamId;
        db.Campaigns.Add(copy);
        history.Definition(copy, null, CampaignHistory.Cloned, $"cloned from {source.Id} ('{source.Name}')");
        await db.SaveChangesAsync(ct);
        return TypedResults.CreatedAtRoute(CampaignResponse.From(copy, new ContactCounts(0, 0, 0, 0, 0)), "GetCampaign",
            new { id = copy.Id });
    }
}
