using Dialer.TwilioSimulator.Agents;
using Dialer.TwilioSimulator.Calls;

namespace Dialer.TwilioSimulator.Conferences;

/// <summary>
/// Twilio's Conference resource, read-only: list (FriendlyName, Status) and fetch, on Twilio's paths.
/// </summary>
public static class ConferencesApi
{
    public static RouteGroupBuilder MapConferencesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/2010-04-01/Accounts/{accountSid}")
            .AddEndpointFilter(app.ServiceProvider.GetRequiredService<TwilioApiGate>());
        group.MapGet("/Conferences.json", List);
        group.MapGet("/Conferences/{sid}.json", Fetch);
        group.MapParticipantsApi();
        return group;
    }

    static IResult List(string accountSid, HttpRequest request, ConferenceRegistry registry)
    {
        var name = request.Query["FriendlyName"].ToString();
        var status = request.Query["Status"].ToString();
        var matching = registry.All()
            .Where(c => (name.Length == 0 || c.Name == name) && (status.Length == 0 || c.Status == status))
            .OrderByDescending(c => c.CreatedAt)
            .Select(c => ConferenceJson.Of(accountSid, c)).ToList();
        return TwilioPage.Of(request, $"/2010-04-01/Accounts/{accountSid}/Conferences.json", "conferences", matching);
    }

    static IResult Fetch(string accountSid, string sid, HttpRequest request, ConferenceRegistry registry) =>
        sid.StartsWith("CF", StringComparison.Ordinal) && registry.Find(sid) is { } conference
            ? Results.Json(ConferenceJson.Of(accountSid, conference), CallResourceJson.Json)
            : TwilioError.NotFound(request.Path);
}
