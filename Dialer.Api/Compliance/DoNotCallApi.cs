using System.Security.Claims;
using Dialer.Api.Auth;
using Dialer.Api.Campaigns;
using Dialer.Api.Hosting;
using Dialer.Api.Teams;
using Dialer.Core.Changes;
using Dialer.Core.Compliance;
using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Compliance;

public static class DoNotCallApi
{
    public const int MaxReasonChars = 500, MaxNumbersPerRequest = 10_000;

    public sealed record AddRequest(string[] Numbers, Guid? CampaignId, string? Reason, string Region = "US");
    public sealed record RejectedNumber(int Index, string Reason);
    public sealed record AddResponse(int Added, int AlreadyListed, int ContactsSuppressed, RejectedNumber[] Rejected);
    public sealed record EntryResponse(long Id, string Phone, Guid? CampaignId, string? Reason, DateTimeOffset AddedAt,
        string? AddedBy, string Source);
    /// <summary>A number in the body, never in a path: paths reach access logs and traces.</summary>
    public sealed record LookupRequest(string? Phone, string Region = "US");
    public sealed record RemovalRequest(string? Phone, Guid? CampaignId, string? Reason, string Region = "US");
    public sealed record RemovalResponse(long Id, string Phone, Guid? CampaignId, string? Reason,
        DateTimeOffset AddedAt, string? AddedBy, string Source, DateTimeOffset RemovedAt, string RemovedBy,
        string RemovalReason);

    public static RouteGroupBuilder MapDoNotCallApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/do-not-call").WithTags("Do not call").RequireAuthorization();
        group.MapPost("/", Add).RequireAuthorization(Policies.Marketer).OwnTeamOnly(TeamObject.Campaign);
        // the list is every team's; entries bound to one campaign are that campaign's team's
        group.MapGet("/", List).RequireAuthorization(Policies.Reader)
            .RequireTeamScope(TeamObject.Campaign, "campaignId")
            .OwnTeamOnly(TeamObject.Campaign);
        group.MapPost("/lookup", Lookup).RequireAuthorization(Policies.Reader).OwnTeamOnly(TeamObject.Campaign);
        // the list is a legal record: taking a number off it is for admins, and the removal is kept
        group.MapPost("/removals", Remove).RequireAuthorization(Policies.Admin);
        group.MapGet("/removals", Removals).RequireAuthorization(Policies.Admin);
        group.MapPost("/upload", DoNotCallUpload.UploadAsync).RequireAuthorization(Policies.Marketer)
            .RequireTeamScope(TeamObject.Campaign, "campaignId").Accepts<IFormFile>("text/csv", "multipart/form-data")
            .WithDescription(
                "A CSV with a phone column, streamed: every number added to the list, with the rows it could not read "
                    + "by line.");
        return group;
    }

    static async Task<Results<Ok<AddResponse>, ValidationProblem>> Add(
        AddRequest request, DialerDb db, TeamScope scope, StateChanges changes, TimeProvider clock,
        ClaimsPrincipal user, CancellationToken ct)
    {
        if (request.Numbers is not { Length: > 0 })
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["numbers"] = ["Give at least one number."] });
        if (request.Numbers.Length > MaxNumbersPerRequest)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            { ["numbers"] = [$"At most {MaxNumbersPerRequest} numbers at once; upload a CSV for more."] });
        if (request.Reason?.Length > MaxReasonChars)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            { ["reason"] = [$"At most {MaxReasonChars} characters."] });
        if (request.CampaignId is { } cid && !await scope.Campaigns.AnyAsync(c => c.Id == cid, ct))
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["campaignId"] = [$"No campaign {cid}."] });
        if (!Phones.IsKnownRegion(request.Region))
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["region"] = [$"'{request.Region}' is not a region code."] });

        var rejected = new List<RejectedNumber>();
        var phones = new HashSet<string>();
        for (var i = 0; i < request.Numbers.Length; i++)
        {
            if (Phones.TryNormalize(request.Numbers[i] ?? "", request.Region, out var e164, out var reason))
                phones.Add(e164);
            else rejected.Add(new RejectedNumber(i, reason));
        }

        var listed = await db.DoNotCall.Where(d => phones.Contains(d.Phone) && d.CampaignId == request.CampaignId)
            .Select(d => d.Phone).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var fresh = phones.Except(listed).ToList();
        // a unit of work: its webhook deliveries (do_not_call.added) are written with the entries
        await changes.RunAsync((unit, _) =>
        {
            unit.Db.DoNotCall.AddRange(fresh.Select(p => new DoNotCallEntry
            {
                Phone = p, CampaignId = request.CampaignId, Reason = request.Reason, AddedAt = now,
                AddedBy = user.AuditId(),
            }));
            return Task.CompletedTask;
        }, ct);
        var suppressed = await DoNotCallSuppression.ApplyAsync(db, phones, request.CampaignId, ct);
        return TypedResults.Ok(new AddResponse(fresh.Count, listed.Count, suppressed, [.. rejected]));
    }

    /// <param name="search">digits anywhere in the number, or words in the reason</param>
    static async Task<Results<Ok<Page<EntryResponse>>, ValidationProblem>> List(DialerDb db, TeamScope scope,
        CancellationToken ct, Guid? campaignId = null, string? search = null, int page = 1, int pageSize = 100)
    {
        if (Paging.TooFar(page) is { } tooFar) return TypedResults.ValidationProblem(tooFar);
        (page, pageSize) = Paging.Clamp(page, pageSize);
        var query = Visible(db, scope).Where(d => campaignId == null || d.CampaignId == campaignId);
        if (DoNotCallSearch.Of(search) is { } s)
            query = query.Where(d => (s.Digits.Length > 0 && d.Phone.Contains(s.Digits))
                || (d.Reason != null && EF.Functions.ILike(d.Reason, s.Pattern)));
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(d => d.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(d => new EntryResponse(d.Id, d.Phone, d.CampaignId, d.Reason, d.AddedAt, d.AddedBy, d.Source))
            .ToListAsync(ct);
        return TypedResults.Ok(new Page<EntryResponse>(items, page, pageSize, total));
    }

    static async Task<Results<Ok<EntryResponse[]>, ProblemHttpResult>> Lookup(LookupRequest request, DialerDb db,
        TeamScope scope, CancellationToken ct)
    {
        if (!Phones.TryNormalize(request.Phone ?? "", request.Region, out var e164, out var reason))
            return Problems.BadRequest(reason);
        var entries = await Visible(db, scope).Where(d => d.Phone == e164)
            .Select(d => new EntryResponse(d.Id, d.Phone, d.CampaignId, d.Reason, d.AddedAt, d.AddedBy, d.Source))
            .ToArrayAsync(ct);
        return TypedResults.Ok(entries);
    }

    static async Task<Results<NoContent, NotFound, ValidationProblem>> Remove(RemovalRequest request,
        StateChanges changes, ILoggerFactory logs, ClaimsPrincipal user, CancellationToken ct)
    {
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason)) return Invalid("reason", "Say why the number is removed from the list.");
        if (reason.Length > DoNotCallRemovals.MaxReasonLength)
            return Invalid("reason", $"At most {DoNotCallRemovals.MaxReasonLength} characters.");
        if (!Phones.TryNormalize(request.Phone ?? "", request.Region, out var e164, out var error))
            return Invalid("phone", error);
        if (!await DoNotCallRemovals.RemoveAsync(changes, e164, request.CampaignId, user.AuditId(), reason, ct))
            return TypedResults.NotFound();
        logs.CreateLogger("Dialer.DoNotCall").LogWarning(
            "Do-not-call entry for {Phone} (campaign {CampaignId}) removed by user {UserId}", PhoneRedaction.Mask(e164),
            request.CampaignId, user.AuditId());
        return TypedResults.NoContent();
    }

    /// <summary>What was taken off the list, newest first.</summary>
    static async Task<Ok<Page<RemovalResponse>>> Removals(
        DialerDb db, CancellationToken ct, int page = 1, int pageSize = 100)
    {
        (page, pageSize) = Paging.Clamp(page, pageSize);
        var query = db.DoNotCallRemovals.AsNoTracking();
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(r => r.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(r => new RemovalResponse(r.Id, r.Phone, r.CampaignId, r.Reason, r.AddedAt, r.AddedBy, r.Source,
                r.RemovedAt, r.RemovedBy, r.RemovalReason))
            .ToListAsync(ct);
        return TypedResults.Ok(new Page<RemovalResponse>(items, page, pageSize, total));
    }

    static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>The entries for every campaign, and those bound to a campaign the caller's team owns.</summary>
    static IQueryable<DoNotCallEntry> Visible(DialerDb db, TeamScope scope) => db.DoNotCall.AsNoTracking()
        .Where(d => d.CampaignId == null || scope.Campaigns.Any(c => c.Id == d.CampaignId));
}
