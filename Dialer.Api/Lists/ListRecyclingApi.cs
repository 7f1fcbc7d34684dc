using Dialer.Api.Auth;
using Dialer.Api.Teams;
using Dialer.Core.Changes;
using Dialer.Core.Contacts;
using Dialer.Core.Contacts.Filters;
using Dialer.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Lists;

/// <summary>
/// Recycling: a list's contacts in a campaign, or those a filter picks, made due again. The preview counts with the
/// very query the run changes, so what it says is what the run touches. Do-not-call and consent are not reset: the
/// claim's permit judges each contact again, and suppressed contacts are never picked.
/// </summary>
public static class ListRecyclingApi
{
    public const int MaxValues = 20, MaxValueLength = 64;

    public static RouteGroupBuilder MapListRecyclingApi(this RouteGroupBuilder lists)
    {
        lists.MapPost("/{listId:guid}/recycle/preview", Preview).RequireAuthorization(Policies.Marketer)
            .RequireTeamScope(TeamObject.List, "listId")
            .WithDescription("How many of the list's contacts the same filter would make due again; changes nothing.");
        lists.MapPost("/{listId:guid}/recycle", Run).RequireAuthorization(Policies.Marketer)
            .RequireTeamScope(TeamObject.List, "listId")
            .WithDescription("Makes the filtered contacts due again (attempts kept unless resetAttempts), recorded in "
                + "the campaign's history.");
        return lists;
    }

    /// <param name="Status">Pending, Done or Parked (never Dialing nor Suppressed)</param>
    public sealed record RecycleFilter(string[]? Status, string[]? LastOutcome, string[]? Disposition,
        int? AttemptsAtMost, int? AttemptsAtLeast, DateTimeOffset? LastCallBefore, bool ResetAttempts = false);

    public sealed record RecycleCount(int Contacts);

    static readonly ContactStatus[] Recyclable = [ContactStatus.Pending, ContactStatus.Done, ContactStatus.Parked];

    static async Task<Results<Ok<RecycleCount>, NotFound, ValidationProblem>> Preview(Guid id, Guid listId,
        RecycleFilter filter, DialerDb db, CancellationToken ct)
    {
        if (Validate(filter) is { } invalid) return invalid;
        var attachment = await db.CampaignLists.AsNoTracking()
            .FirstOrDefaultAsync(a => a.CampaignId == id && a.ListId == listId, ct);
        if (attachment is null) return TypedResults.NotFound();
        return TypedResults.Ok(new RecycleCount(await Picked(db, id, listId, filter).CountAsync(ct)));
    }

    static async Task<Results<Ok<RecycleCount>, NotFound, ValidationProblem>> Run(Guid id, Guid listId,
        RecycleFilter filter, DialerDb db, StateChanges changes, CampaignHistory history, CancellationToken ct)
    {
        if (Validate(filter) is { } invalid) return invalid;
        var count = await changes.RunAsync(async (unit, token) =>
        {
            if (await ListAttachment.LockAsync(db, id, listId, token) is not { } attachment) return (int?)null;
            var now = unit.Now;
            var to = attachment.Active ? ContactStatus.Pending : ContactStatus.Parked;
            var reset = filter.ResetAttempts;
            var touched = await Picked(db, id, listId, filter).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, to)
                .SetProperty(c => c.NextAttemptAt, now)
                .SetProperty(c => c.CallbackAt, (DateTimeOffset?)null)
                .SetProperty(c => c.Priority, DialPriority.Retry)
                .SetProperty(c => c.Attempts, c => reset ? 0 : c.Attempts), token);
            await ParkOutsideFilterAsync(db, id, token);
            var name = await db.ContactLists.Where(l => l.Id == listId).Select(l => l.Name).SingleAsync(token);
            var note = $"list '{name}': {touched} contacts due again (attempts {(reset ? "reset" : "kept")}); "
                + $"filter {System.Text.Json.JsonSerializer.Serialize(filter)}";
            history.Contacts(id, CampaignHistory.Recycled, note);
            return touched;
        }, ct);
        return count is { } n ? TypedResults.Ok(new RecycleCount(n)) : TypedResults.NotFound();
    }

    /// <summary>Contacts made due again outside the campaign's dial filter wait as filtered.</summary>
    internal static async Task ParkOutsideFilterAsync(DialerDb db, Guid campaignId, CancellationToken ct)
    {
        var filter = (await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId).Select(c => c.Settings)
            .SingleAsync(ct)).DialFilter;
        if (filter.Length > 0) await DialFilterParking.ApplyAsync(db, campaignId, filter, ct);
    }

    /// <summary>The one query both the preview and the run use: the contacts' one filter, on the list's contacts.
    /// </summary>
    static IQueryable<Contact> Picked(DialerDb db, Guid campaignId, Guid listId, RecycleFilter f) => new ContactFilter
    {
        Statuses = f.Status is { Length: > 0 }
            ? [.. f.Status.Select(s => Enum.Parse<ContactStatus>(s, ignoreCase: true))] : Recyclable,
        LastOutcomes = f.LastOutcome ?? [], Dispositions = f.Disposition ?? [], AttemptsAtMost = f.AttemptsAtMost,
        AttemptsAtLeast = f.AttemptsAtLeast, LastCallBefore = f.LastCallBefore,
    }.Apply(db.Contacts.Where(c => c.CampaignId == campaignId && c.ListId == listId && c.AnonymisedAt == null));

    static ValidationProblem? Validate(RecycleFilter f)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (field, values) in new[] { ("status", f.Status), ("lastOutcome", f.LastOutcome),
            ("disposition", f.Disposition) })
            if (values is { } v && (v.Length > MaxValues || v.Any(x => x is null || x.Length > MaxValueLength)))
                errors[field] = [$"At most {MaxValues} values of at most {MaxValueLength} characters."];
        if (f.Status is { } statuses && !errors.ContainsKey("status"))
        {
            var unknown = statuses.Where(s => !Enum.TryParse<ContactStatus>(s, true, out var parsed)
                || !Recyclable.Contains(parsed)).ToList();
            if (unknown.Count > 0)
                errors["status"] =
                    [$"Not recyclable: {string.Join(", ", unknown)} (use {string.Join(", ", Recyclable)})."];
        }
        if (f.AttemptsAtMost is < 0) errors["attemptsAtMost"] = ["0 or more."];
        if (f.AttemptsAtLeast is < 0) errors["attemptsAtLeast"] = ["0 or more."];
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : null;
    }
}
