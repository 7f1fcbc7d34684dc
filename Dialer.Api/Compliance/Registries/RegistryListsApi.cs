using Dialer.Api.Auth;
using Dialer.Api.Teams;
using Dialer.Core.Compliance.Registries;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Compliance.Registries;

/// <summary>
/// National do-not-call registry copies: a team uploads its own (marketers), an admin one for every team. Reading
/// them is for whoever reads the team's campaigns; another team's copy is 404.
/// </summary>
public static class RegistryListsApi
{
    /// <param name="ForAllTeams">uploaded by an admin for every team</param>
    /// <param name="MaxAgeDays">how old its jurisdiction lets a copy be (null: no rule shipped)</param>
    /// <param name="Stale">older than that: its jurisdiction's contacts are not dialed</param>
    public sealed record RegistryListResponse(Guid Id, string Name, string Jurisdiction, DateOnly DownloadedOn,
        DateTimeOffset UploadedAt, string? UploadedBy, int Numbers, int Rejected, bool ForAllTeams, int? MaxAgeDays,
        bool Stale);

    public static RouteGroupBuilder MapRegistryListsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/registry-lists").WithTags("Do not call").RequireAuthorization();
        group.MapGet("/", List).RequireAuthorization(Policies.Reader).OwnTeamOnly(TeamObject.RegistryList);
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.Reader)
            .RequireTeamScope(TeamObject.RegistryList);
        group.MapPost("/", RegistryUpload.UploadAsync).RequireAuthorization(Policies.Marketer)
            .OwnTeamOnly(TeamObject.RegistryList).Accepts<IFormFile>("text/csv", "text/plain", "multipart/form-data")
            .WithDescription(
                "A registry copy (one number per line, or CSV with a phone column), streamed, with its name, "
                    + "jurisdiction and download date: it replaces the team's older copy of the same registry.");
        return group;
    }

    static async Task<Ok<RegistryListResponse[]>> List(TeamScope scope, TimeProvider clock, CancellationToken ct)
    {
        var lists = await scope.RegistryLists.AsNoTracking().Where(l => l.Active)
            .OrderBy(l => l.Jurisdiction).ThenBy(l => l.Name).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(lists.Select(l => ToResponse(l, now)).ToArray());
    }

    static async Task<Results<Ok<RegistryListResponse>, NotFound>> Get(Guid id, TeamScope scope, TimeProvider clock,
        CancellationToken ct) =>
        await scope.RegistryLists.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id && l.Active, ct) is { } list
            ? TypedResults.Ok(ToResponse(list, clock.GetUtcNow()))
            : TypedResults.NotFound();

    public static RegistryListResponse ToResponse(RegistryList l, DateTimeOffset now)
    {
        var max = RegistryCopies.MaxAgeDays(l.Jurisdiction);
        return new(l.Id, l.Name, l.Jurisdiction, l.DownloadedOn, l.UploadedAt, l.UploadedBy, l.Numbers, l.Rejected,
            l.TeamId is null, max, RegistryCopies.IsStale(l.DownloadedOn, max, now));
    }
}
