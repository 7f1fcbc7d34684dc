using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Dialer.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Twilio.Jwt.AccessToken;

namespace Dialer.Api.Agents;

/// <summary>The Api's share of the Twilio settings: what signs the browser phone's access token.</summary>
public sealed class VoiceTokenOptions
{
    public const string Section = "Twilio";
    [Required] public string AccountSid { get; set; } = "";
    /// <summary>An API key of the account (SK...) and its secret: access tokens are signed with it, never with the auth token.</summary>
    [Required] public string ApiKeySid { get; set; } = "";
    /// <remarks>Tokens are HS256: a secret under 32 bytes is refused when signing, so it is refused at start instead.</remarks>
    [Required, MinLength(32)] public string ApiKeySecret { get; set; } = "";
    /// <summary>The TwiML app (AP...) whose voice URL handles calls the browser phone places.</summary>
    [Required] public string TwimlAppSid { get; set; } = "";
    [Range(60, 86_400)] public int TokenLifetimeSeconds { get; set; } = 3600;
}

public static class VoiceTokens
{
    public sealed record VoiceToken(string Token, string Identity, DateTimeOffset ExpiresAt);

    /// <summary>A Twilio Voice access token for the agent's browser phone, registering as the agent's client identity.</summary>
    public static async Task<Results<Ok<VoiceToken>, NotFound>> Issue(ClaimsPrincipal user, DialerDb db, IOptions<VoiceTokenOptions> options,
        TimeProvider clock, CancellationToken ct)
    {
        var identity = await db.Agents.Where(a => a.Id == AgentApi.AgentIdOf(user)).Select(a => a.ClientIdentity).FirstOrDefaultAsync(ct);
        if (identity is null) return TypedResults.NotFound();
        var o = options.Value;
        var expires = clock.GetUtcNow().AddSeconds(o.TokenLifetimeSeconds);
        var grant = new VoiceGrant { IncomingAllow = true, OutgoingApplicationSid = o.TwimlAppSid };
        var token = new Token(o.AccountSid, o.ApiKeySid, o.ApiKeySecret, identity, expires.UtcDateTime, grants: [grant]);
        return TypedResults.Ok(new VoiceToken(token.ToJwt(), identity, expires));
    }
}
