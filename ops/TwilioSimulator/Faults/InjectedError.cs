namespace Dialer.TwilioSimulator.Faults;

/// <summary>A Twilio error a create is answered with in place of its call: HTTP status, Twilio code, message.</summary>
public sealed record InjectedError(int Status, int Code, string? Message = null)
{
    /// <summary>The message Twilio gives for the code, without the numbers it sometimes quotes.</summary>
    public string MessageOrTwilios() => Message ?? Code switch
    {
        20003 => "Authenticate",
        20005 => "Account not active",
        21210 => "The source phone number provided is not yet verified for your account.",
        21211 => "Invalid 'To' Phone Number",
        21214 => "'To' phone number cannot be reached",
        21215 => "Account not authorized to call this number. "
            + "Perhaps you need to enable some international permissions",
        21217 => "Phone number does not appear to be valid",
        13224 => "Twilio does not support calling this number or the number is invalid",
        _ => $"Error {Code} (injected)",
    };

    public bool IsValid => Status is >= 400 and < 500 && Code >= 0;
}
