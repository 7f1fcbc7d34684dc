using System.Security.Claims;
using Dialer.Api.Hosting;
using Dialer.Contracts;
using Dialer.Core.Agents;
using Dialer.Core.Agents.Lines;
using Dialer.Core.Contacts;
using Dialer.Core.Data;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Agents.Lines;

/// <summary>The agent opens their line (browser phone, own phone, SIP) once for the shift, and may hang it up.</summary>
public static class AgentLineApi
{
    public sealed record LineRequest(string? Kind, string? Address);

    public static RouteGroupBuilder MapAgentLineApi(this RouteGroupBuilder agentGroup)
    {
        agentGroup.MapPost("/line", Connect);
        agentGroup.MapDelete("/line", HangUp);
        return agentGroup;
    }

    static async Task<Results<Accepted<AgentConsoleQuery.AgentView>, ValidationProblem, Conflict<ProblemDetails>, NotFound>> Connect(
        LineRequest request, ClaimsPrincipal user, DialerDb db, IPublishEndpoint bus, TimeProvider clock, CancellationToken ct)
    {
        if (Validate(request) is not var (kind, address)) return TypedResults.ValidationProblem(Errors(request));
        var requestId = Guid.NewGuid();
        var result = await ChangeAsync(user, db, bus, (a, now) => a.TryRequestLine(kind, address, requestId, now), clock, ct);
        if (result.Result is Accepted<AgentConsoleQuery.AgentView>) await bus.Publish(new ConnectAgentLine(AgentApi.AgentIdOf(user), requestId), ct);
        return result;
    }

    static async Task<Results<Accepted<AgentConsoleQuery.AgentView>, ValidationProblem, Conflict<ProblemDetails>, NotFound>> HangUp(
        ClaimsPrincipal user, DialerDb db, IPublishEndpoint bus, TimeProvider clock, CancellationToken ct)
    {
        var callSid = await db.Agents.Where(a => a.Id == AgentApi.AgentIdOf(user)).Select(a => a.LineCallSid).FirstOrDefaultAsync(ct);
        // hanging up a line already gone is not an error: the console asks when only the browser saw the line end
        var result = await ChangeAsync(user, db, bus, (a, now) => { a.LineClosed(now); return null; }, clock, ct);
        if (callSid is not null && result.Result is Accepted<AgentConsoleQuery.AgentView>) await bus.Publish(new HangUpAgentLine(AgentApi.AgentIdOf(user), callSid), ct);
        return result;
    }

    static async Task<Results<Accepted<AgentConsoleQuery.AgentView>, ValidationProblem, Conflict<ProblemDetails>, NotFound>> ChangeAsync(
        ClaimsPrincipal user, DialerDb db, IPublishEndpoint bus, Func<Agent, DateTimeOffset, Core.Campaigns.Refusal?> change, TimeProvider clock,
        CancellationToken ct)
    {
        var outcome = await AgentLineChanges.ApplyAsync(db, bus, AgentApi.AgentIdOf(user), change, clock.GetUtcNow(), ct);
        if (outcome.Agent is null) return TypedResults.NotFound();
        if (outcome.Refusal is { } refusal) return Problems.Conflict(refusal);
        return TypedResults.Accepted("/api/agent/me", AgentConsoleQuery.ViewOf(outcome.Agent));
    }

    /// <returns>the line's kind and normalised address, or null when the request is not acceptable</returns>
    static (LineKind Kind, string? Address)? Validate(LineRequest r)
    {
        if (!Enum.TryParse<LineKind>(r.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind)) return null;
        return kind switch
        {
            LineKind.Browser => (kind, null),
            LineKind.Phone when r.Address is { Length: <= 32 } raw && Phones.TryNormalize(raw, "US", out var e164, out _) && Phones.IsE164(raw.Trim()) => (kind, e164),
            LineKind.Sip when IsSipAddress(r.Address) => (kind, r.Address!.Trim()),
            _ => null,
        };
    }

    static Dictionary<string, string[]> Errors(LineRequest r) =>
        !Enum.TryParse<LineKind>(r.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind)
            ? new() { ["kind"] = ["Choose browser, phone or sip."] }
            : kind == LineKind.Phone
                ? new() { ["address"] = ["Give your phone number in international form, such as +14155550123."] }
                : new() { ["address"] = ["Give a SIP address such as sip:alice@example.com (at most 200 characters)."] };

    static bool IsSipAddress(string? s) =>
        s is { Length: > 4 and <= 200 } && s.Trim().StartsWith("sip:", StringComparison.OrdinalIgnoreCase) && s.Contains('@')
        && !s.Any(c => char.IsWhiteSpace(c) || c is '<' or '>' or '"');
}
