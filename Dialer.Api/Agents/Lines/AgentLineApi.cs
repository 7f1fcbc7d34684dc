using System.Security.Claims;
using Dialer.Api.Hosting;
using Dialer.Contracts;
using Dialer.Core.Agents;
using Dialer.Core.Agents.Lines;
using Dialer.Core.Changes;
using Dialer.Core.Contacts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dialer.Api.Agents.Lines;

/// <summary>
/// The agent opens their line (browser phone, own phone, SIP) once for the shift, and may hang it up.
/// </summary>
public static class AgentLineApi
{
    public sealed record LineRequest(string? Kind, string? Address);

    public static RouteGroupBuilder MapAgentLineApi(this RouteGroupBuilder agentGroup)
    {
        agentGroup.MapPost("/line", Connect);
        agentGroup.MapDelete("/line", HangUp);
        return agentGroup;
    }

    static async Task<Results<Accepted<AgentConsoleQuery.AgentView>, ValidationProblem, Conflict<ProblemDetails>,
        NotFound>> Connect(
        LineRequest request, ClaimsPrincipal user, AgentChanges changes, CancellationToken ct)
    {
        if (Validate(request) is not var (kind, address)) return TypedResults.ValidationProblem(Errors(request));
        var requestId = Guid.NewGuid();
        return await ChangeAsync(user, changes, (a, unit) =>
        {
            if (a.TryRequestLine(kind, address, requestId, unit.Now) is { } refusal) return refusal;
            unit.Publish(new ConnectAgentLine(a.Id, requestId));
            return null;
        }, ct);
    }

    static async Task<Results<Accepted<AgentConsoleQuery.AgentView>, ValidationProblem, Conflict<ProblemDetails>,
        NotFound>> HangUp(
        ClaimsPrincipal user, AgentChanges changes, CancellationToken ct)
    {
        // hanging up a line already gone is not an error: the console asks when only the browser saw the line end
        return await ChangeAsync(user, changes, (a, unit) =>
        {
            if (a.LineCallSid is { } callSid) unit.Publish(new HangUpAgentLine(a.Id, callSid));
            a.LineClosed(unit.Now);
            return null;
        }, ct);
    }

    static async Task<Results<Accepted<AgentConsoleQuery.AgentView>, ValidationProblem, Conflict<ProblemDetails>,
        NotFound>> ChangeAsync(
        ClaimsPrincipal user, AgentChanges changes, Func<Agent, StateChange, Core.Campaigns.Refusal?> change,
        CancellationToken ct)
    {
        var outcome = await changes.ApplyAsync(AgentConsoleApi.AgentIdOf(user), change, ct);
        if (outcome.Agent is null) return TypedResults.NotFound();
        if (outcome.Refusal is { } refusal) return Problems.Conflict(refusal);
        return TypedResults.Accepted(AgentConsoleApi.Path + "/me", AgentConsoleQuery.ViewOf(outcome.Agent));
    }

    /// <returns>the line's kind and normalised address, or null when the request is not acceptable</returns>
    static (LineKind Kind, string? Address)? Validate(LineRequest r)
    {
        if (!Enum.TryParse<LineKind>(r.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind)) return null;
        return kind switch
        {
            LineKind.Browser => (kind, null),
            LineKind.Phone when r.Address is { Length: <= 32 } raw
                && Phones.TryNormalize(raw, "US", out var e164, out _) && Phones.IsE164(raw.Trim()) => (kind, e164),
            LineKind.Sip when IsSipAddress(r.Address) => (kind, r.Address!.Trim()),
            _ => null,
        };
    }

    static Dictionary<string, string[]> Errors(LineRequest r) =>
        !Enum.TryParse<LineKind>(r.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind)
            ? new() { ["kind"] = ["Choose browser, phone or sip."] }
            : kind == LineKind.Phone
                ? new() { ["address"] = ["Give your phone number in international form, such as +14155550123."] }
                : new()
                {
                    ["address"] = ["Give a SIP address such as sip:alice@example.com (at most 200 characters)."]
                };

    static bool IsSipAddress(string? s) =>
        s is { Length: > 4 and <= 200 } && s.Trim().StartsWith("sip:", StringComparison.OrdinalIgnoreCase)
            && s.Contains('@')
        && !s.Any(c => char.IsWhiteSpace(c) || c is '<' or '>' or '"');
}
