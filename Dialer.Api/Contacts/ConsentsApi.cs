using System.Security.Claims;
using Dialer.Api.Auth;
using Dialer.Core.Changes;
using Dialer.Core.Compliance.Consents;
using Dialer.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Contacts;

/// <summary>
/// One contact's consent records, under its campaign (whose team scope the group has checked): list them, add one,
/// record a withdrawal. A contact of another campaign reads as missing.
/// </summary>
public static class ConsentsApi
{
    public sealed record ConsentResponse(long Id, string Kind, string Source, DateTimeOffset GivenAt, string? Text,
        string? Reference, DateTimeOffset RecordedAt, DateTimeOffset? WithdrawnAt, string? WithdrawnHow,
        DateTimeOffset? ValidUntil);

    /// <param name="Kind">one kind, or null for every kind</param>
    /// <param name="At">when it was withdrawn; now when left out</param>
    public sealed record WithdrawalRequest(string? Kind, string? How, DateTimeOffset? At);

    /// <param name="campaign">the /api/campaigns/{id} group</param>
    public static RouteGroupBuilder MapConsentsApi(this RouteGroupBuilder campaign)
    {
        var consents = campaign.MapGroup("/contacts/{contactId:long}/consents");
        consents.MapGet("/", List).RequireAuthorization(Policies.Reader);
        consents.MapPost("/", Add).RequireAuthorization(Policies.Marketer)
            .WithDescription("Record a consent: kind (marketing-calls or prerecorded), source, givenAt, and text or "
                + "reference. A contact set aside for want of consent is due again.");
        consents.MapPost("/withdrawals", Withdraw).RequireAuthorization(Policies.Marketer)
            .WithDescription("Record a withdrawal of one kind (or every kind when kind is left out): the number is "
                + "not dialed again by any campaign needing that kind.");
        return campaign;
    }

    static async Task<Results<Ok<ConsentResponse[]>, NotFound>> List(Guid id, long contactId, DialerDb db,
        CancellationToken ct)
    {
        if (!await db.Contacts.AnyAsync(c => c.Id == contactId && c.CampaignId == id, ct))
            return TypedResults.NotFound();
        var rows = await db.Consents.AsNoTracking().Where(c => c.ContactId == contactId).OrderBy(c => c.Id)
            .Take(500).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(ToResponse).ToArray());
    }

    static async Task<Results<Created<ConsentResponse>, NotFound, ValidationProblem>> Add(Guid id, long contactId,
        ConsentInput request, DialerDb db, StateChanges changes, TimeProvider clock, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (request.Problems(now) is { Count: > 0 } problems)
            return TypedResults.ValidationProblem(problems.ToDictionary(p => p.Key, p => new[] { p.Value }));
        if (!await db.Contacts.AnyAsync(c => c.Id == contactId && c.CampaignId == id, ct))
            return TypedResults.NotFound();
        var record = request.ToRecord(contactId, id, now, user.AuditId());
        var added = await changes.RunAsync(async (unit, token) =>
        {
            var contact = (await unit.LockContactAsync(contactId, token))!;
            var same = await unit.Db.Consents.FirstOrDefaultAsync(c => c.ContactId == contactId
                && c.Kind == record.Kind && c.GivenAt == record.GivenAt, token);
            if (same is not null) return same; // the same consent sent twice is one record
            unit.Db.Consents.Add(record);
            contact.ConsentRecorded(unit.Now);
            return record;
        }, ct);
        return TypedResults.Created($"/api/campaigns/{id}/contacts/{contactId}/consents", ToResponse(added));
    }

    static async Task<Results<Ok<ConsentResponse[]>, NotFound, ValidationProblem>> Withdraw(Guid id, long contactId,
        WithdrawalRequest request, DialerDb db, StateChanges changes, TimeProvider clock, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (Problems(request, now, out var kinds) is { Count: > 0 } problems)
            return TypedResults.ValidationProblem(problems);
        if (!await db.Contacts.AnyAsync(c => c.Id == contactId && c.CampaignId == id, ct))
            return TypedResults.NotFound();
        var touched = await changes.RunAsync((unit, token) => ConsentWithdrawal.RecordAsync(unit.Db, contactId, id,
            kinds, request.At?.ToUniversalTime() ?? now, request.How!.Trim(), user.AuditId(), token), ct);
        return TypedResults.Ok(touched.Select(ToResponse).ToArray());
    }

    /// <summary>The checks of a withdrawal's body, shared with the agent console's.</summary>
    public static Dictionary<string, string[]> Problems(WithdrawalRequest request, DateTimeOffset now,
        out ConsentKinds kinds)
    {
        var problems = new Dictionary<string, string[]>();
        kinds = ConsentKinds.All;
        if (request.Kind is not null && !ConsentKind.TryParse(request.Kind, out kinds))
            problems["kind"] = [$"A consent kind: {string.Join(" or ", ConsentKind.Names)}; leave it out for all."];
        if (string.IsNullOrWhiteSpace(request.How)) problems["how"] = ["Say how it was withdrawn (on a call, email)."];
        else if (request.How.Trim().Length > ConsentWithdrawal.MaxHow)
            problems["how"] = [$"At most {ConsentWithdrawal.MaxHow} characters."];
        if (request.At > now) problems["at"] = ["A withdrawal cannot be in the future."];
        return problems;
    }

    public static ConsentResponse ToResponse(ContactConsent c) => new(c.Id, c.Kind, c.Source, c.GivenAt, c.Text,
        c.Reference, c.RecordedAt, c.WithdrawnAt, c.WithdrawnHow, c.ValidUntil);
}
