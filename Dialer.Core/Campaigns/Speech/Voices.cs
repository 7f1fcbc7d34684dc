namespace Dialer.Core.Campaigns.Speech;

/// <summary>
/// The languages and voices a campaign may speak in: Twilio's <c>&lt;Say&gt;</c> language and voice attributes, a
/// short list of Amazon Polly voices per language rather than everything Twilio sells, so that a voice always speaks
/// its language. The first voice of a language is the one a campaign gets when it names none.
/// </summary>
public static class Voices
{
    public static readonly IReadOnlyDictionary<string, string[]> ByLanguage = new Dictionary<string, string[]>
    {
        ["en-US"] = ["Polly.Joanna", "Polly.Matthew", "Polly.Salli", "Polly.Joey", "Polly.Kendra", "Polly.Kimberly"],
        ["en-GB"] = ["Polly.Amy", "Polly.Brian", "Polly.Emma"],
        ["es-ES"] = ["Polly.Lucia", "Polly.Conchita", "Polly.Enrique"],
        ["es-MX"] = ["Polly.Mia"],
        ["es-US"] = ["Polly.Lupe", "Polly.Penelope", "Polly.Miguel"],
        ["fr-CA"] = ["Polly.Chantal"],
        ["fr-FR"] = ["Polly.Celine", "Polly.Mathieu", "Polly.Lea"],
    };

    public static bool IsLanguage(string? language) => language is not null && ByLanguage.ContainsKey(language);

    public static bool Speaks(string language, string voice) =>
        ByLanguage.TryGetValue(language, out var voices) && voices.Contains(voice, StringComparer.Ordinal);

    /// <summary>The campaign's voice, or its language's first when it names none.</summary>
    public static string VoiceOf(CampaignSettings settings) =>
        settings.Voice ?? (ByLanguage.TryGetValue(settings.Language, out var voices) ? voices[0] : "Polly.Joanna");
}
