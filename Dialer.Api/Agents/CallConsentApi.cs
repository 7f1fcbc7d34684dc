using System.Security.Claims;
using Dialer.Api.Auth;
using Dialer.Api.Contacts;
using Dialer.Core.Changes;
using Dialer.Core.Compliance.Consents;
using Dialer.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Agents;

/// <summary>
/// The customer tells the agent, during the call or in wrap-up, that they withdraw their consent: the agent records
/// it on the call they took, and the number is not dialed again by any campaign needing that kind of consent.
/// </summary>
public static class CallConsentApi
{
    /// <param name="Kind">one kind, or null for every kind (what a customer saying "stop calling me" means)</param>
    /// <param name="How">how they said it; "on a call" when left out</param>
    public sealed record CallWithdrawalRequest(string? Kind, string? How);

    public const string OnACall = "on a call";

    public static async Task<Results<Ok<ConsentsApi.ConsentResponse[]>, NotFound, ValidationProblem,
        ProblemHttpResult>> WithdrawAsync(Guid attemptId, CallWithdrawalRequest request, ClaimsPrincipal user,
        DialerDb db, StateChanges changes, TimeProvider clock, CancellationToken ct)
    {
        var agentId = AgentConsoleApi.AgentIdOf(user);
        var now = clock.GetUtcNow();
        var asked = new ConsentsApi.WithdrawalRequest(request.Kind, request.How ?? OnACall, null);
        if (ConsentsApi.Problems(asked, now, out var kinds) is { Count: > 0 } problems)
            return TypedResults.ValidationProblem(problems);
        var call = await db.CallAttempts.AsNoTracking().Where(a => a.Id == attemptId)
            .Select(a => new { a.AgentId, a.CampaignId, a.ContactId }).FirstOrDefaultAsync(ct);
        if (call is null) return TypedResults.NotFound();
        if (call.AgentId != agentId)
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not your call.",
                detail: "An agent may only record a withdrawal on a call they took.");
        var touched = await changes.RunAsync((unit, token) => ConsentWithdrawal.RecordAsync(unit.Db, call.ContactId,
            call.CampaignId, kinds, unit.Now, asked.How!.Trim(), user.AuditId(), token), ct);
        return TypedResults.Ok(touched.Select(ConsentsApi.ToResponse).ToArray());
    }
}
