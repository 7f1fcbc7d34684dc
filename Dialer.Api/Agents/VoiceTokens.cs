using System.Security.Claims;
using Dialer.Core.Data;
using Dialer.ServiceDefaults.Twilio;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Twilio.Jwt.AccessToken;

namespace Dialer.Api.Agents;

public static class VoiceTokens
{
    public sealed record VoiceToken(string Token, string Identity, DateTimeOffset ExpiresAt);

    /// <summary>
    /// A Twilio Voice access token for the agent's browser phone, registering as the agent's client identity.
    /// </summary>
    public static async Task<Results<Ok<VoiceToken>, NotFound>> Issue(ClaimsPrincipal user, DialerDb db,
        IOptions<TwilioOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var agentId = AgentConsoleApi.AgentIdOf(user);
        var identity = await db.Agents.Where(a => a.Id == agentId).Select(a => a.ClientIdentity)
            .FirstOrDefaultAsync(ct);
        if (identity is null) return TypedResults.NotFound();
        var o = options.Value;
        var expires = clock.GetUtcNow().AddSeconds(o.TokenLifetimeSeconds);
        var grant = new VoiceGrant { IncomingAllow = true, OutgoingApplicationSid = o.TwimlAppSid };
        var token = new Token(
            o.AccountSid, o.ApiKeySid, o.ApiKeySecret, identity, expires.UtcDateTime, grants: [grant]);
        return TypedResults.Ok(new VoiceToken(token.ToJwt(), identity, expires));
    }
}
