namespace Dialer.TwilioSimulator.Numbers;

/// <summary>
/// The simulated account's phone numbers (Twilio's IncomingPhoneNumbers) and how customers treat calls from them.
/// </summary>
public sealed class NumberOptions
{
    /// <summary>
    /// True: asked about one whole number (IncomingPhoneNumbers.json?PhoneNumber=+1...), the account owns it, voice
    /// capable, as if every caller ID had been bought; the numbers in <see cref="Owned"/> are listed all the same. False:
    /// it owns only <see cref="Owned"/>.
    /// </summary>
    public bool OwnsAnyNumber { get; set; } = true;

    public List<OwnedNumber> Owned { get; set; } = [];

    /// <summary>
    /// Caller IDs carriers label as spam: customers never answer calls from them (they ring out no-answer).
    /// </summary>
    public List<string> Unanswered { get; set; } = [];

    public NumberOptions Copy() => new()
    {
        OwnsAnyNumber = OwnsAnyNumber, Owned = [.. Owned.Select(o => o with { })], Unanswered = [.. Unanswered],
    };
}

/// <summary>One number of the account: E.164, whether it takes voice calls, and where an inbound call goes.</summary>
public sealed record OwnedNumber
{
    public string PhoneNumber { get; init; } = "";
    public bool Voice { get; init; } = true;
    /// <summary>The voice URL Twilio requests when someone calls the number; null for none.</summary>
    public string? VoiceUrl { get; init; }
}
