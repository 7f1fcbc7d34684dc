using Dialer.Core.Data;
using Dialer.Core.Dialing;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Worker.Supervision;

/// <summary>
/// A supervisor's leg ended (they hung up, left, or the call ended): their session's audit ends with it. It touches
/// only the session: a supervisor's leg never counts in the call's outcome or the abandon ledger.
/// </summary>
public static class SupervisorLegWebhooks
{
    public static RouteGroupBuilder MapSupervisorLegWebhooks(this RouteGroupBuilder group)
    {
        group.MapPost(WebhookRoutes.SupervisorLeg, Ended);
        return group;
    }

    static async Task<IResult> Ended(Guid sessionId, HttpRequest request, DialerDb db, TimeProvider clock,
        CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        if (TwilioStatus.ToState(form["CallStatus"]) is not { } state || !state.IsFinal()) return Results.NoContent();
        var session = await db.SupervisionSessions.SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is not null && session.End($"the supervisor's leg ended ({form["CallStatus"]})", clock.GetUtcNow()))
            await db.SaveChangesAsync(ct);
        return Results.NoContent();
    }
}
