namespace Dialer.Core.CallerIds;

/// <summary>
/// The numbers (owned by the account) a campaign may show as its caller ID besides its default
/// (<see cref="Campaigns.CampaignSettings.CallerId"/>), and how hard each may be used in one of its local days.
/// </summary>
public sealed record CallerIdPool
{
    public const int MaxNumbers = 50, MaxDailyCap = 10_000;
    public const int FewestRestAfterCalls = 5, MostRestAfterCalls = 1000, MaxCallbackMessageChars = 500;

    /// <summary>E.164 numbers; the default caller ID belongs to the pool whether listed or not.</summary>
    public string[] Numbers { get; init; } = [];
    /// <summary>Calls one number may place in its local day; null for no cap.</summary>
    public int? DailyCap { get; init; }
    /// <summary>
    /// A number is judged for a rest only once it has placed this many calls in its day (since a manager last cleared
    /// its rest): fewer are too few to tell a spam label from bad luck.
    /// </summary>
    public int RestAfterCalls { get; init; } = 30;
    /// <summary>
    /// What a customer calling one of the numbers back hears, in the campaign's language and voice: who called and why,
    /// and the key that takes them off the list (<see cref="Campaigns.Speech.SpokenText"/> for the placeholders).
    /// </summary>
    public string CallbackMessage { get; init; } =
        "Thank you for calling back. We called you about an offer and will try again another day. "
        + "To not be called again, press {optOutDigit}.";

    /// <summary>The default first, then the pool's own, each once.</summary>
    public static IReadOnlyList<string> All(Campaigns.CampaignSettings settings) =>
        [.. new[] { settings.CallerId }.Concat(settings.CallerIds?.Numbers ?? []).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Whether choosing among the campaign's numbers needs their day's use: not for its default alone with no cap (a
    /// pool of one cannot fall below its own answer rate, so it never rests).
    /// </summary>
    public static bool NeedsLedger(Campaigns.CampaignSettings settings) =>
        settings.CallerIds?.DailyCap is not null || All(settings).Count > 1;
}
