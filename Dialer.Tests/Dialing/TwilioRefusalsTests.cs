using Dialer.Core.Dialing;

namespace Dialer.Tests.Dialing;

/// <summary>Which of Twilio's refusals of a create end a contact, and which pause the campaign instead.</summary>
public sealed class TwilioRefusalsTests
{
    [Theory]
    // the number dialed: the contact ends, the list goes on
    [InlineData(400, 21211, DialRefusal.BadNumber)] // invalid 'To'
    [InlineData(400, 21214, DialRefusal.BadNumber)] // 'To' cannot be reached
    [InlineData(400, 21217, DialRefusal.BadNumber)] // does not appear to be valid
    [InlineData(400, 21202, DialRefusal.BadNumber)] // premium number
    [InlineData(400, 21407, DialRefusal.BadNumber)] // number type not supported
    [InlineData(400, 13223, DialRefusal.BadNumber)] // invalid format
    [InlineData(400, 13224, DialRefusal.BadNumber)] // not supported or invalid
    [InlineData(400, 13225, DialRefusal.BadNumber)] // forbidden number
    [InlineData(400, 13226, DialRefusal.BadNumber)] // invalid country code
    // the account or the configuration: every number would be refused alike
    [InlineData(401, 20003, DialRefusal.AccountOrConfiguration)] // wrong or rotated auth token
    [InlineData(401, 0, DialRefusal.AccountOrConfiguration)]
    [InlineData(401, 21211, DialRefusal.AccountOrConfiguration)] // a 401 is never about the number
    [InlineData(403, 20403, DialRefusal.AccountOrConfiguration)]
    [InlineData(404, 20404, DialRefusal.AccountOrConfiguration)] // another account's path
    [InlineData(400, 20005, DialRefusal.AccountOrConfiguration)] // account not active
    [InlineData(400, 21210, DialRefusal.AccountOrConfiguration)] // caller ID not verified
    [InlineData(400, 21212, DialRefusal.AccountOrConfiguration)] // invalid 'From'
    [InlineData(400, 21213, DialRefusal.AccountOrConfiguration)] // no 'From'
    [InlineData(400, 21215, DialRefusal.AccountOrConfiguration)] // geographic permissions
    [InlineData(400, 13227, DialRefusal.AccountOrConfiguration)] // geographic permissions (Dial)
    [InlineData(400, 21216, DialRefusal.AccountOrConfiguration)] // blocked: fraud list or no customer profile
    [InlineData(400, 21219, DialRefusal.AccountOrConfiguration)] // trial account, 'To' not verified
    [InlineData(400, 21201, DialRefusal.AccountOrConfiguration)] // no 'To': the request is malformed
    [InlineData(400, 21205, DialRefusal.AccountOrConfiguration)] // invalid Url
    [InlineData(400, 21626, DialRefusal.AccountOrConfiguration)] // invalid parameter
    [InlineData(422, 0, DialRefusal.AccountOrConfiguration)] // a validating proxy
    [InlineData(422, 21211, DialRefusal.AccountOrConfiguration)] // not Twilio's own answer
    [InlineData(400, 0, DialRefusal.AccountOrConfiguration)] // no code: unknown
    [InlineData(400, 99999, DialRefusal.AccountOrConfiguration)] // unknown code: conservative
    [InlineData(405, 0, DialRefusal.AccountOrConfiguration)]
    [InlineData(409, 0, DialRefusal.AccountOrConfiguration)]
    public void A_refusal_is_the_number_s_only_when_Twilio_says_so_with_a_400(int status, int code,
        DialRefusal expected) =>
        Assert.Equal(expected, TwilioRefusals.Classify(status, code));

    [Fact]
    public void Every_known_number_code_is_a_bad_number_and_only_with_a_400()
    {
        Assert.All(TwilioRefusals.NumberCodes.Keys, code =>
        {
            Assert.Equal(DialRefusal.BadNumber, TwilioRefusals.Classify(400, code));
            foreach (var status in new[] { 401, 403, 404, 422 })
                Assert.Equal(DialRefusal.AccountOrConfiguration, TwilioRefusals.Classify(status, code));
        });
    }

    [Fact]
    public void The_pause_reason_names_the_error_says_what_to_fix_and_shows_no_number_in_clear()
    {
        var reason = TwilioRefusals.PauseReason(400, 21215,
            "Account not authorized to call +447400123456. Perhaps you need to enable some international permissions");

        Assert.Contains("HTTP 400, Twilio error 21215", reason);
        Assert.Contains("geographic permissions", reason);
        Assert.Contains("********3456", reason);
        Assert.DoesNotContain("447400123456", reason);
        Assert.Contains("auth token", TwilioRefusals.PauseReason(401, 20003, "Authenticate"));
        Assert.Contains("proxy", TwilioRefusals.PauseReason(422, 0, "Unprocessable Entity"));
        Assert.Contains("does not know", TwilioRefusals.PauseReason(400, 99999, "Something new"));
    }
}
