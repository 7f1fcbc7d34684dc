using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;

namespace Dialer.Tests.Localization;

/// <summary>The server's side of the pages' language: the catalogue and the shells in the culture the cookie or the
/// browser asks for; the API's words untouched by it.</summary>
public sealed class LocalizationApiTests(LiveApi api) : IClassFixture<LiveApi>
{
    const string SpanishCookie = ".AspNetCore.Culture=c%3Des%7Cuic%3Des";

    async Task<JsonObject> MessagesAsync(string? acceptLanguage, string? cookie = null)
    {
        using var client = new HttpClient { BaseAddress = new Uri(api.Url) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/i18n/messages");
        if (acceptLanguage is not null) request.Headers.Add("Accept-Language", acceptLanguage);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        Assert.Contains("Accept-Language", response.Headers.Vary);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    [Theory]
    [InlineData(null, "en", "Campaigns")]
    [InlineData("es-ES,es;q=0.9,en;q=0.8", "es", "Campañas")]
    [InlineData("es-MX", "es", "Campañas")]
    [InlineData("fr-FR,de;q=0.9", "en", "Campaigns")]
    [InlineData("fr-FR,es;q=0.8", "es", "Campañas")]
    public async Task The_catalogue_comes_in_the_language_the_browser_prefers(
        string? acceptLanguage, string culture, string campaigns)
    {
        var body = await MessagesAsync(acceptLanguage);

        Assert.Equal(culture, body["culture"]!.GetValue<string>());
        Assert.Equal(campaigns, body["messages"]!["ui.nav.campaigns"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_language_chosen_on_the_switch_wins_over_the_browsers()
    {
        var body = await MessagesAsync("en-US,en;q=0.9", SpanishCookie);
        Assert.Equal("es", body["culture"]!.GetValue<string>());
        Assert.Equal("Lista de no llamar", body["messages"]!["doNotCall.page.doNotCallList"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/campaigns")]
    [InlineData("/agent/index.html")]
    [InlineData("/manager/")]
    public async Task A_page_goes_out_with_its_html_lang_in_the_chosen_language(string path)
    {
        using var client = new HttpClient { BaseAddress = new Uri(api.Url) };
        using var spanish = new HttpRequestMessage(HttpMethod.Get, path);
        spanish.Headers.Add("Accept-Language", "es-ES");
        var html = await (await client.SendAsync(spanish)).Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"es\">", html);
        Assert.Contains("data-i18n=", html);

        Assert.Contains("<html lang=\"en\">", await client.GetStringAsync(path));
    }

    [Fact]
    public async Task The_api_answers_in_English_whatever_the_language_asked_for()
    {
        var (_, key) = await api.AddUserAsync(Role.Marketer, "Marta Marketing");
        using var client = api.ClientWith(key);
        client.DefaultRequestHeaders.Add("Accept-Language", "es-ES");
        client.DefaultRequestHeaders.Add("Cookie", SpanishCookie);
        var campaign = ApiCalls.ValidCampaign("Campaña de primavera");
        campaign["callerId"] = "4155550100";

        var response = await client.PostAsJsonAsync("/api/campaigns", campaign);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("One or more validation errors occurred.", problem["title"]!.GetValue<string>());
        Assert.Contains("E.164", problem["errors"]!["callerId"]![0]!.GetValue<string>());
    }
}
