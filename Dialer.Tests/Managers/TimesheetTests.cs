using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Dialer.Tests.Managers;

/// <summary>Timesheets from a known history of moves and calls, checked to the second (see <see
/// cref="KnownAgentDays"/>).</summary>
public sealed class TimesheetTests(FrozenClockApi api) : IClassFixture<FrozenClockApi>
{
    [Fact]
    public async Task A_day_in_UTC_adds_up_states_breaks_by_reason_calls_and_the_evening_login_that_crosses_midnight()
    {
        var seeded = await KnownAgentDays.SeedAsync(api.Database);

        var day = Assert.Single(await DaysAsync($"from=2026-06-10&to=2026-06-10&agentId={seeded.Ada}"));

        Assert.Equal("2026-06-10", (string)day["date"]!);
        Assert.Equal(DateTimeOffset.Parse("2026-06-10T08:00:00Z"), DateTimeOffset.Parse((string)day["firstLogin"]!));
        Assert.Equal(DateTimeOffset.Parse("2026-06-10T22:00:00Z"), DateTimeOffset.Parse((string)day["lastLogout"]!));
        Assert.Equal(52200, (long)day["loggedInSeconds"]!); // 08:00-22:00 and 23:30-24:00
        Assert.Equal(49585, (long)day["availableSeconds"]!);
        Assert.Equal(5, (long)day["reservedSeconds"]!);
        Assert.Equal(120, (long)day["onCallSeconds"]!);
        Assert.Equal(30, (long)day["wrapUpSeconds"]!);
        Assert.Equal(2460, (long)day["breakSeconds"]!);
        Assert.Equal(new Dictionary<string, long> { ["lunch"] = 1800, ["coffee"] = 600, ["missed a call"] = 60 },
            Breaks(day));
        Assert.Equal(1, (long)day["calls"]!);
        Assert.Equal(120, (long)day["talkSeconds"]!);
        Assert.Equal(1, (long)day["conversions"]!);
        Assert.Equal(0.0029, (double)day["occupancy"]!); // (120 + 30) / 52200
    }

    [Fact]
    public async Task Today_counts_the_half_hour_after_midnight_and_the_break_still_open_up_to_now()
    {
        var seeded = await KnownAgentDays.SeedAsync(api.Database);

        var days = await DaysAsync($"from=2026-06-10&to=2026-06-11&agentId={seeded.Ada}");

        Assert.Equal(["2026-06-10", "2026-06-11"], days.Select(d => (string)d["date"]!));
        var today = days[1];
        Assert.Equal(DateTimeOffset.Parse("2026-06-11T14:00:00Z"), DateTimeOffset.Parse((string)today["firstLogin"]!));
        Assert.Equal(DateTimeOffset.Parse("2026-06-11T01:00:00Z"), DateTimeOffset.Parse((string)today["lastLogout"]!));
        Assert.Equal(9000, (long)today["loggedInSeconds"]!); // 00:00-01:00 and 14:00-15:30 (now)
        Assert.Equal(6830, (long)today["availableSeconds"]!);
        Assert.Equal(10, (long)today["reservedSeconds"]!);
        Assert.Equal(300, (long)today["onCallSeconds"]!);
        Assert.Equal(60, (long)today["wrapUpSeconds"]!);
        Assert.Equal(new Dictionary<string, long> { ["lunch"] = 1800 }, Breaks(today));
        Assert.Equal(0, (long)today["conversions"]!);
        Assert.Equal(0.04, (double)today["occupancy"]!);
    }

    [Fact]
    public async Task In_New_York_the_night_belongs_to_the_local_day_and_times_are_local()
    {
        var seeded = await KnownAgentDays.SeedAsync(api.Database);

        var days = await DaysAsync($"from=2026-06-10&to=2026-06-11&agentId={seeded.Ada}&tz=America/New_York");

        var june10 = days.Single(d => (string)d["date"]! == "2026-06-10");
        Assert.Equal(Local("2026-06-10T04:00:00"), Instant(june10["firstLogin"]));
        Assert.Equal(Local("2026-06-10T21:00:00"), Instant(june10["lastLogout"])); // 01:00 UTC on the 11th
        Assert.Equal(55800, (long)june10["loggedInSeconds"]!);
        Assert.Equal(52815, (long)june10["availableSeconds"]!);
        Assert.Equal(420, (long)june10["onCallSeconds"]!);
        Assert.Equal(90, (long)june10["wrapUpSeconds"]!);
        Assert.Equal(2, (long)june10["calls"]!);
        var june11 = days.Single(d => (string)d["date"]! == "2026-06-11");
        Assert.Equal(Local("2026-06-11T10:00:00"), Instant(june11["firstLogin"]));
        Assert.Null(june11["lastLogout"]);
        Assert.Equal(5400, (long)june11["loggedInSeconds"]!);
        Assert.Equal(0, (long)june11["calls"]!);
    }

    [Fact]
    public async Task The_CSV_streams_every_agent_day_with_formulas_neutralised()
    {
        var seeded = await KnownAgentDays.SeedAsync(api.Database);
        var client = api.Manager();
        client.DefaultRequestHeaders.Add("Accept", "text/csv");

        var response = await client.GetAsync("/api/reports/timesheets?from=2026-06-10&to=2026-06-11");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(Dialer.Api.Reporting.Timesheets.TimesheetsApi.CsvHeader, lines[0].TrimEnd('\r'));
        var bob = Assert.Single(lines, l => l.StartsWith(seeded.Bob.ToString()));
        Assert.Contains(",'=cmd|' /C calc'!A0,2026-06-11,", bob);
        Assert.Contains(",1198,", bob); // on call since 15:10:02, up to now
        Assert.Contains(lines,
            l => l.StartsWith(seeded.Ada + ",") && l.Contains(",2026-06-10,")
                && l.Contains("lunch=1800; coffee=600; missed a call=60"));
        Assert.DoesNotContain(lines.SelectMany(l => l.Split(',')), cell => cell.StartsWith('='));
    }

    [Fact]
    public async Task The_printable_page_lists_the_days()
    {
        var seeded = await KnownAgentDays.SeedAsync(api.Database);

        var html = await api.Manager()
            .GetStringAsync(
                $"/reports/timesheets?from=2026-06-10&to=2026-06-11&agentId={seeded.Ada}&tz=America/New_York");

        Assert.Contains("Agent timesheets", html);
        Assert.Contains("times in America/New_York", html);
        Assert.Contains("<td>15:30:00</td>", html); // 55800 s logged in on the 10th, New York time
        Assert.Contains("lunch 0:30:00, coffee 0:10:00, missed a call 0:01:00", html);
    }

    async Task<List<JsonObject>> DaysAsync(string query) =>
        (await api.Manager().GetFromJsonAsync<JsonArray>("/api/reports/timesheets?" + query))!.Select(d =>
            d!.AsObject()).ToList();

    /// <summary>The instant and the offset it is written in, so a New York time must say -04:00.</summary>
    static (DateTimeOffset, TimeSpan) Instant(JsonNode? node) =>
        DateTimeOffset.Parse((string)node!) is var t ? (t, t.Offset) : default;

    static (DateTimeOffset, TimeSpan) Local(string newYorkTime) => Instant(JsonValue.Create(newYorkTime + "-04:00"));

    static Dictionary<string, long> Breaks(JsonObject day) =>
        day["breaks"]!.AsObject().ToDictionary(b => b.Key, b => (long)b.Value!);
}
