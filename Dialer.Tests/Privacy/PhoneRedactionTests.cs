using Dialer.Core.Contacts;

namespace Dialer.Tests.Privacy;

public sealed class PhoneRedactionTests
{
    [Theory]
    [InlineData("Invalid 'To' Phone Number: +14155550123", "Invalid 'To' Phone Number: +*******0123")]
    [InlineData("Phone number (415) 555-0123 is not valid", "Phone number (***) ***-0123 is not valid")]
    [InlineData("call 415.555.0123 or 415 555 0124", "call ***.***.0123 or *** *** 0124")]
    [InlineData("'To' number 4155550123 cannot be reached", "'To' number ******0123 cannot be reached")]
    [InlineData("+44 20 7946 0958", "+** ** **** 0958")]
    public void Every_number_in_a_text_keeps_only_its_last_four_digits_however_it_was_written(
        string text, string shown) => Assert.Equal(shown, PhoneRedaction.Redact(text));

    [Theory]
    [InlineData("HTTP 400, Twilio error 21211: refused")]
    [InlineData("attempt 12 of 3, after 250 ms")]
    public void Codes_statuses_and_counts_are_left_alone(string text) =>
        Assert.Equal(text, PhoneRedaction.Redact(text));

    [Fact]
    public void A_number_is_masked_to_its_last_four_digits() =>
        Assert.Equal("********0123", PhoneRedaction.Mask("+14155550123"));
}
