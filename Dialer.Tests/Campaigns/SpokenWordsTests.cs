using System.Reflection;
using Dialer.Core.Campaigns;
using Dialer.Core.Campaigns.Speech;
using Twilio.TwiML.Voice;

namespace Dialer.Tests.Campaigns;

/// <summary>The words a campaign says: pure checks of the validator and of the voices it allows.</summary>
public sealed class SpokenWordsTests
{
    static CampaignSettings Valid(Func<CampaignSettings, CampaignSettings> adjust) =>
        adjust(new CampaignSettings { Name = "voice", CallerId = "+14155550100" });

    [Theory]
    [InlineData("US", "This is Acme. Call us back on (415) 555-0100.")]
    [InlineData("US", "This is Acme. Call us back on 415 555 0100.")]
    [InlineData("ES", "Le llamamos de Acme. Llámenos al 912 345 678.")]
    [InlineData("GB", "This is Acme calling; ring us on 020 7946 0958.")]
    [InlineData("US", "This is Acme. Call us back on {callerId}.")]
    public void A_safe_harbour_message_with_a_number_to_call_back_is_valid(string region, string message)
    {
        var errors = CampaignSettingsValidator.Validate(Valid(s => s with
        {
            DefaultRegion = region,
            SafeHarbourMessage = message,
        }));

        Assert.False(errors.ContainsKey("safeHarbourMessage"), string.Join(" ", errors.SelectMany(e => e.Value)));
    }

    [Theory]
    [InlineData("This is Acme. Sorry we missed you.")]
    [InlineData("This is Acme, offer 12345 ends soon.")]
    [InlineData("This is Acme. Call us back on callerId.")]
    public void A_safe_harbour_message_without_a_number_to_call_back_is_refused(string message)
    {
        var errors = CampaignSettingsValidator.Validate(Valid(s => s with { SafeHarbourMessage = message }));

        Assert.Contains("number to call back", Assert.Single(errors["safeHarbourMessage"]));
    }

    [Fact]
    public void The_default_settings_comply_and_their_message_says_the_caller_id_and_the_opt_out_key()
    {
        var settings = Valid(s => s);

        Assert.Empty(CampaignSettingsValidator.Validate(settings));
        var spoken = SpokenText.Of(settings, settings.SafeHarbourMessage);
        Assert.Contains("(415) 555-0100", spoken);
        Assert.Contains("press 9", spoken);
    }

    [Fact]
    public void A_voice_must_speak_the_campaigns_language()
    {
        Assert.Empty(
            CampaignSettingsValidator.Validate(Valid(s => s with { Language = "es-ES", Voice = "Polly.Lucia" })));
        Assert.Empty(CampaignSettingsValidator.Validate(Valid(s => s with { Language = "es-MX" })));
        Assert.True(CampaignSettingsValidator
            .Validate(Valid(s => s with { Language = "es-ES", Voice = "Polly.Joanna" })).ContainsKey("voice"));
        Assert.True(CampaignSettingsValidator.Validate(Valid(s => s with { Language = "Polly.Lucia" }))
            .ContainsKey("language"));
    }

    [Fact]
    public void Every_language_and_voice_allowed_is_one_Twilio_8_2_knows()
    {
        static HashSet<string> Known(Type type) => [.. type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetValue(null)!.ToString()!)];
        var languages = Known(typeof(Say.LanguageEnum));
        var voices = Known(typeof(Say.VoiceEnum));

        Assert.All(Voices.ByLanguage, entry =>
        {
            Assert.Contains(entry.Key, languages);
            Assert.NotEmpty(entry.Value);
            Assert.All(entry.Value, v => Assert.Contains(v, voices));
        });
    }
}
