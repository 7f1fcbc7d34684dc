using Dialer.Api.Auth;
using Dialer.Api.Campaigns;
using Dialer.Api.Contacts;
using Dialer.Api.Hosting;
using Dialer.Api.Teams;
using Dialer.Core.Campaigns;
using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Dialer.Core.Lists;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dialer.Api.Lists;

/// <summary>A team's contact lists: made, uploaded once, read and deleted; attached to campaigns elsewhere
/// (<see cref="CampaignListsApi"/>).</summary>
public static class ListsApi
{
    public static RouteGroupBuilder MapListsApi(this IEndpointRouteBuilder app)
    {
        var lists = app.MapGroup("/api/lists").WithTags("Lists").RequireAuthorization();
        lists.MapGet("/", List).RequireAuthorization(Policies.Reader).OwnTeamOnly(TeamObject.List);
        lists.MapPost("/", Create).RequireAuthorization(Policies.Marketer).OwnTeamOnly(TeamObject.List)
            .WithDescription("The list belongs to the creator's team; an admin may name another with ?teamId=.");
        lists.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.Reader).RequireTeamScope(TeamObject.List)
            .WithName("GetList");
        lists.MapPost("/{id:guid}/upload", Upload).RequireAuthorization(Policies.Marketer)
            .RequireTeamScope(TeamObject.List).Accepts<IFormFile>("text/csv", "multipart/form-data")
            .WithDescription("The list's one CSV, read as a campaign's upload is (a header row with a phone column; "
                + "bad rows reported by line, good rows kept). Consent columns are not kept by a list.");
        lists.MapDelete("/{id:guid}", Delete).RequireAuthorization(Policies.Marketer)
            .RequireTeamScope(TeamObject.List);
        lists.MapListRowsApi();
        return lists;
    }

    public sealed record ListRequest(string? Name, string? DefaultRegion);

    public sealed record Attachment(Guid CampaignId, bool Active, int Priority, DateTimeOffset AttachedAt);

    public sealed record ListResponse(Guid Id, Guid TeamId, string Name, string DefaultRegion, string[] Columns,
        DateTimeOffset CreatedAt, DateTimeOffset? UploadedAt, int RowCount, int RejectedCount,
        IReadOnlyList<Attachment>? Campaigns = null)
    {
        public static ListResponse From(ContactList l, IReadOnlyList<Attachment>? campaigns = null) => new(l.Id,
            l.TeamId, l.Name, l.DefaultRegion, l.Columns, l.CreatedAt, l.UploadedAt, l.RowCount, l.RejectedCount,
            campaigns);
    }

    static async Task<Results<Ok<Page<ListResponse>>, ValidationProblem>> List(TeamScope scope, CancellationToken ct,
        int page = 1, int pageSize = 50)
    {
        if (Paging.TooFar(page) is { } tooFar) return TypedResults.ValidationProblem(tooFar);
        (page, pageSize) = Paging.Clamp(page, pageSize);
        var total = await scope.Lists.CountAsync(ct);
        var lists = await scope.Lists.AsNoTracking().OrderByDescending(l => l.CreatedAt)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new Page<ListResponse>([.. lists.Select(l => ListResponse.From(l))], page, pageSize,
            total));
    }

    static async Task<Results<CreatedAtRoute<ListResponse>, ValidationProblem>> Create(ListRequest request,
        DialerDb db, TeamScope scope, TimeProvider clock, CancellationToken ct, Guid? teamId = null)
    {
        var errors = new Dictionary<string, string[]>();
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > ContactList.MaxNameLength)
            errors["name"] = [$"A name of 1 to {ContactList.MaxNameLength} characters."];
        var region = request.DefaultRegion?.Trim().ToUpperInvariant() ?? "US";
        if (!Phones.IsKnownRegion(region))
            errors["defaultRegion"] = [$"'{request.DefaultRegion}' is not a two-letter region code such as US or GB."];
        var (team, teamError) = await scope.TeamForNewAsync(teamId, ct, "list");
        if (teamError is not null) errors["teamId"] = [teamError];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var list = new ContactList
        {
            Id = Guid.CreateVersion7(), TeamId = team!.Value, Name = name, DefaultRegion = region,
            CreatedAt = clock.GetUtcNow(),
        };
        db.ContactLists.Add(list);
        await db.SaveChangesAsync(ct);
        return TypedResults.CreatedAtRoute(ListResponse.From(list), "GetList", new { id = list.Id });
    }

    static async Task<Results<Ok<ListResponse>, NotFound>> Get(Guid id, DialerDb db, CancellationToken ct)
    {
        var list = await db.ContactLists.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct);
        if (list is null) return TypedResults.NotFound();
        var campaigns = await db.CampaignLists.AsNoTracking().Where(a => a.ListId == id)
            .OrderBy(a => a.AttachedAt).Select(a => new Attachment(a.CampaignId, a.Active, a.Priority, a.AttachedAt))
            .ToListAsync(ct);
        return TypedResults.Ok(ListResponse.From(list, campaigns));
    }

    static async Task<Results<Ok<ImportReport>, NotFound, Conflict<ProblemDetails>, ProblemHttpResult>> Upload(
        Guid id, HttpRequest request, DialerDb db, ContactImporter importer, IOptions<ImportOptions> options,
        TimeProvider clock, CancellationToken ct)
    {
        var list = await db.ContactLists.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct);
        if (list is null) return TypedResults.NotFound();
        // one upload per list, even when two arrive at once: the first to set the mark has it
        var claimed = await db.ContactLists.Where(l => l.Id == id && l.UploadStartedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.UploadStartedAt, clock.GetUtcNow()), ct);
        if (claimed == 0) return Problems.Conflict(AlreadyUploaded);

        var (body, error) = await CsvUpload.OpenAsync(request, options.Value.MaxUploadBytes, ct);
        if (body is null)
        {
            await ReleaseAsync(db, id, ct);
            return Problems.BadRequest(error!);
        }
        ImportReport report;
        try
        {
            report = await importer.ImportAsync(new ListRows(db, id), list.DefaultRegion, body, ct);
        }
        catch (ContactImporter.NotCsvException e)
        {
            await ReleaseAsync(db, id, ct);
            return Problems.BadRequest(e.Message);
        }
        catch (ContactImporter.LimitException e)
        {
            await FinishAsync(db, id, e.Report, clock);
            return Problems.TooLarge(e.Message, e.Line, e.Report);
        }
        catch (UploadTooLargeException e)
        {
            await FinishAsync(db, id, null, clock);
            return Problems.BadRequest(e.Message + " Rows read before the limit were kept.");
        }
        await FinishAsync(db, id, report, clock);
        return TypedResults.Ok(report);
    }

    static readonly Refusal AlreadyUploaded =
        new("This list has its upload already (a list is uploaded once): make a new list for other rows.");

    /// <summary>Nothing was read (not CSV): the list may be uploaded again.</summary>
    static Task ReleaseAsync(DialerDb db, Guid id, CancellationToken ct) => db.ContactLists.Where(l => l.Id == id)
        .ExecuteUpdateAsync(s => s.SetProperty(l => l.UploadStartedAt, (DateTimeOffset?)null), ct);

    /// <summary>The rows written are the list's, even when the client has gone: the counts are written regardless.
    /// </summary>
    static async Task FinishAsync(DialerDb db, Guid id, ImportReport? report, TimeProvider clock)
    {
        var rows = await db.ContactListRows.CountAsync(r => r.ListId == id);
        var rejected = report?.RejectedCount ?? 0;
        string[] columns = report?.Columns ?? [];
        await db.ContactLists.Where(l => l.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(l => l.UploadedAt, clock.GetUtcNow()).SetProperty(l => l.RowCount, rows)
            .SetProperty(l => l.RejectedCount, rejected).SetProperty(l => l.Columns, columns));
    }

    static async Task<Results<NoContent, NotFound, Conflict<ProblemDetails>>> Delete(Guid id, DialerDb db,
        CancellationToken ct)
    {
        var list = await db.ContactLists.FirstOrDefaultAsync(l => l.Id == id, ct);
        if (list is null) return TypedResults.NotFound();
        if (await db.CampaignLists.AnyAsync(a => a.ListId == id, ct))
            return Problems.Conflict(new Refusal("The list is attached to a campaign: detach it from each first."));
        db.ContactLists.Remove(list);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
