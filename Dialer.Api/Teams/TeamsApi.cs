using Dialer.Api.Auth;
using Dialer.Core.Data;
using Dialer.Core.Teams;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Teams;

/// <summary>Teams, for admins: create, list, rename. Users and campaigns name their team by id.</summary>
public static class TeamsApi
{
    public sealed record TeamRequest(string? Name);
    public sealed record TeamResponse(Guid Id, string Name, DateTimeOffset CreatedAt, int Users, int Campaigns);

    public static RouteGroupBuilder MapTeamsApi(this IEndpointRouteBuilder app)
    {
        var teams = app.MapGroup("/api/teams").WithTags("Teams").RequireAuthorization(Policies.Admin);
        teams.MapPost("/", Create);
        teams.MapGet("/", List);
        teams.MapPatch("/{id:guid}", Rename);
        return teams;
    }

    static async Task<Results<Created<TeamResponse>, ValidationProblem>> Create(TeamRequest request, DialerDb db,
        TimeProvider clock, CancellationToken ct)
    {
        if (await NameErrorAsync(request.Name, null, db, ct) is { } error) return error;
        var now = clock.GetUtcNow();
        var team = new Team { Id = Guid.CreateVersion7(now), Name = request.Name!.Trim(), CreatedAt = now };
        db.Teams.Add(team);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/teams/{team.Id}",
            new TeamResponse(team.Id, team.Name, team.CreatedAt, Users: 0, Campaigns: 0));
    }

    static async Task<Ok<List<TeamResponse>>> List(DialerDb db, CancellationToken ct) =>
        TypedResults.Ok(await db.Teams.AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new TeamResponse(t.Id, t.Name, t.CreatedAt, db.Users.Count(u => u.TeamId == t.Id),
                db.Campaigns.Count(c => c.TeamId == t.Id)))
            .ToListAsync(ct));

    static async Task<Results<NoContent, NotFound, ValidationProblem>> Rename(Guid id, TeamRequest request, DialerDb db,
        CancellationToken ct)
    {
        var team = await db.Teams.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (team is null) return TypedResults.NotFound();
        if (await NameErrorAsync(request.Name, id, db, ct) is { } error) return error;
        team.Name = request.Name!.Trim();
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    static async Task<ValidationProblem?> NameErrorAsync(string? name, Guid? self, DialerDb db, CancellationToken ct)
    {
        var trimmed = name?.Trim();
        string? why = string.IsNullOrEmpty(trimmed) || trimmed.Length > Team.MaxNameLength
            ? $"Give a name of at most {Team.MaxNameLength} characters."
            : await db.Teams.AnyAsync(t => t.Name == trimmed && t.Id != self, ct) ? "Another team has this name."
            : null;
        return why is null ? null
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [why] });
    }
}
