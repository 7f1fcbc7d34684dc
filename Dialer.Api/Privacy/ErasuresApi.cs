using System.Security.Claims;
using Dialer.Api.Auth;
using Dialer.Core.Changes;
using Dialer.Core.Contacts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dialer.Api.Privacy;

/// <summary>A person's right to erasure: by phone number, across every campaign of every team (admins only).</summary>
public static class ErasuresApi
{
    const int MaxBodyBytes = 4 * 1024;

    /// <summary>The number in the body, never in a path: paths reach access logs and traces.</summary>
    public sealed record ErasureRequest(string? Phone, string Region = "US");

    /// <param name="Repeated">true when nothing was left to erase and this is the earlier erasure's record</param>
    /// <param name="Kept">what the law still needs, kept: do-not-call entries for the number</param>
    public sealed record ErasureResponse(Guid Id, DateTimeOffset RequestedAt, string RequestedBy, bool Repeated,
        int Contacts, int Attempts, int Recordings, int RecordingsPending, int WebhookDeliveries, int Transfers,
        int DoNotCallEntriesKept, int Consents = 0);

    public static RouteGroupBuilder MapErasuresApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/erasures").WithTags("Privacy").RequireAuthorization(Policies.Admin);
        group.MapPost("/", Erase).WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .WithDescription("Erases one person's data everywhere, by phone number; repeated, it erases nothing more.");
        return group;
    }

    static async Task<Results<Ok<ErasureResponse>, ValidationProblem, Conflict<ProblemDetails>>> Erase(
        ErasureRequest request, PersonErasure erasure, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!Phones.IsKnownRegion(request.Region))
            return Invalid("region", $"'{request.Region}' is not a region code.");
        if (!Phones.TryNormalize(request.Phone ?? "", request.Region, out var e164, out var reason))
            return Invalid("phone", reason);
        var result = await erasure.EraseAsync(e164, user.AuditId(), ct);
        return result.Busy
            ? TypedResults.Conflict(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict, Title = "A call to this number is in progress.",
                Detail = "The number is being dialed or is on a call right now; ask again once the call has ended.",
            })
            : TypedResults.Ok(result.Response!);
    }

    static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
