using System.Security.Claims;
using Dialer.Api.Auth;
using Dialer.Api.Auth.Oidc;
using Dialer.Core.Auth;

namespace Dialer.Tests.Auth;

/// <summary>From the identity provider's claims to a Dialer user, or a refusal: pure, no provider needed.</summary>
public sealed class OidcUsersTests
{
    static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    static ClaimsPrincipal External(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "oidc"));

    [Fact]
    public void The_email_claim_is_read_trimmed_and_lower_cased_and_another_claim_may_be_named()
    {
        Assert.Equal("ann@example.com",
            OidcUsers.EmailOf(External(("email", " Ann@Example.COM ")), "email", out _));
        Assert.Equal("bo@example.com",
            OidcUsers.EmailOf(External(("email", "x@example.com"), ("upn", "bo@example.com")), "upn", out _));
    }

    [Fact]
    public void No_email_or_an_unverified_one_is_refused_with_the_reason()
    {
        Assert.Null(OidcUsers.EmailOf(External(("sub", "123")), "email", out var none));
        Assert.Contains("'email'", none);
        Assert.Null(OidcUsers.EmailOf(External(("email", "not-an-email")), "email", out _));
        Assert.Null(OidcUsers.EmailOf(
            External(("email", "ann@example.com"), ("email_verified", "false")), "email", out var unverified));
        Assert.Contains("not verified", unverified);
        Assert.NotNull(OidcUsers.EmailOf(
            External(("email", "ann@example.com"), ("email_verified", "true")), "email", out _));
    }

    [Fact]
    public void A_known_user_signs_in_with_their_id_role_team_and_agent()
    {
        var user = new User
        {
            Id = Guid.NewGuid(), Name = "Ann", Role = Role.Agent, AgentId = Guid.NewGuid(), TeamId = Guid.NewGuid(),
            Email = "ann@example.com",
        };

        var principal = OidcUsers.SignIn(user, Now, "pages", out var refusal);

        Assert.Equal("", refusal);
        Assert.NotNull(principal);
        Assert.True(principal.Identity!.IsAuthenticated);
        Assert.Equal(user.Id.ToString(), principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.True(principal.IsInRole(nameof(Role.Agent)));
        Assert.Equal(user.TeamId.ToString(), principal.FindFirstValue(DialerClaims.TeamId));
        Assert.Equal(user.AgentId.ToString(), principal.FindFirstValue(DialerClaims.AgentId));
        Assert.Null(principal.FindFirst("email")); // nothing of the provider's is kept
    }

    [Fact]
    public void An_unknown_or_disabled_user_is_refused()
    {
        Assert.Null(OidcUsers.SignIn(null, Now, "pages", out var unknown));
        Assert.Contains("No Dialer user", unknown);
        var disabled = new User { Id = Guid.NewGuid(), Name = "Bo", Role = Role.Manager, DisabledAt = Now.AddDays(-1) };
        Assert.Null(OidcUsers.SignIn(disabled, Now, "pages", out var off));
        Assert.Contains("disabled", off);
    }

    [Theory]
    [InlineData("")]
    [InlineData("@example.com")]
    [InlineData("ann@")]
    [InlineData("ann@@example.com")]
    [InlineData("ann smith@example.com")]
    public void A_users_email_must_be_one(string email) =>
        Assert.False(UserEmails.TryNormalize(email, out _, out _));
}
