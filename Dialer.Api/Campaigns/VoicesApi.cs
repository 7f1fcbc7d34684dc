using Dialer.Api.Auth;
using Dialer.Core.Campaigns.Speech;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dialer.Api.Campaigns;

/// <summary>The languages a campaign may speak in and each one's voices, first the one a campaign gets when it names
/// none: what the builder's language and voice controls offer.</summary>
public static class VoicesApi
{
    public sealed record LanguageVoices(string Language, string[] Voices);

    public static void MapVoicesApi(this RouteGroupBuilder campaigns) =>
        campaigns.MapGet("/voices", List).RequireAuthorization(Policies.Reader);

    static Ok<LanguageVoices[]> List() =>
        TypedResults.Ok(Voices.ByLanguage.Select(l => new LanguageVoices(l.Key, l.Value)).ToArray());
}
