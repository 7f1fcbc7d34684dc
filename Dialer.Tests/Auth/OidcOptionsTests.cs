using Dialer.Api.Auth.Oidc;

namespace Dialer.Tests.Auth;

public sealed class OidcOptionsTests
{
    static OidcOptions Valid() => new()
    {
        Enabled = true, Authority = "https://login.example.com/realms/dialer", ClientId = "dialer-pages",
        ClientSecret = "s3cret",
    };

    static IEnumerable<string> Failures(OidcOptions o) =>
        new OidcOptionsValidation().Validate(null, o).Failures ?? [];

    [Fact]
    public void Off_needs_nothing_and_on_with_every_setting_is_valid()
    {
        Assert.True(new OidcOptionsValidation().Validate(null, new OidcOptions()).Succeeded);
        Assert.True(new OidcOptionsValidation().Validate(null, Valid()).Succeeded);
    }

    [Theory]
    [InlineData("authority", null, "Oidc:Authority")]
    [InlineData("authority", "login.example.com", "Oidc:Authority")]
    [InlineData("authority", "http://login.example.com", "Oidc:Authority")]
    [InlineData("clientId", "", "Oidc:ClientId")]
    [InlineData("clientSecret", " ", "Oidc:ClientSecret")]
    [InlineData("emailClaim", "", "Oidc:EmailClaim")]
    [InlineData("callbackPath", "signin-oidc", "Oidc:CallbackPath")]
    [InlineData("sessionHours", "0", "Oidc:SessionHours")]
    [InlineData("sessionHours", "25", "Oidc:SessionHours")]
    public void A_bad_setting_stops_the_start_with_a_message_naming_it(string field, string? value, string named)
    {
        var o = Valid();
        switch (field)
        {
            case "authority": o.Authority = value; break;
            case "clientId": o.ClientId = value; break;
            case "clientSecret": o.ClientSecret = value; break;
            case "emailClaim": o.EmailClaim = value!; break;
            case "callbackPath": o.CallbackPath = value!; break;
            case "sessionHours": o.SessionHours = int.Parse(value!); break;
        }
        var failure = Assert.Single(Failures(o));
        Assert.StartsWith(named, failure);
    }
}
