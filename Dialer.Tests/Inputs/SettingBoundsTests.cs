using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;

namespace Dialer.Tests.Inputs;

/// <summary>Every campaign setting has a range or a maximum length: out of it is a 400 naming the field.</summary>
[Collection(ApiCollection.Name)]
public sealed class SettingBoundsTests(ApiFactory api)
{
    readonly HttpClient _marketer = api.ClientAs(Role.Marketer);

    static string Many(int count, int length) =>
        "[" + string.Join(',', Enumerable.Range(0, count).Select(i => $"\"{i.ToString().PadLeft(length, 'd')}\""))
            + "]";

    public static TheoryData<string, string, string> OutOfBounds => new()
    {
        { "minReadySeconds", "1e300", "minReadySeconds" },
        { "minReadySeconds", "-1", "minReadySeconds" },
        { "priority", "2147483647", "priority" },
        { "costPerMinute", "1e20", "costPerMinute" },
        { "script", "\"" + new string('s', 20_001) + "\"", "script" },
        { "voicemailMessage", "\"" + new string('v', 1001) + "\"", "voicemailMessage" },
        { "broadcastMessage", "\"" + new string('b', 1001) + "\"", "broadcastMessage" },
        { "safeHarbourMessage", "\"" + new string('h', 501) + "\"", "safeHarbourMessage" },
        { "dispositions", Many(51, 3), "dispositions" },
        { "dispositions", Many(2, 65), "dispositions" },
        { "conversionDispositions", Many(51, 3), "conversionDispositions" },
        { "callingWindow",
            """{"holidays":["""
            + string.Join(',',
                Enumerable.Range(0, 400).Select(i => $"\"{new DateOnly(2030, 1, 1).AddDays(i):yyyy-MM-dd}\"")) + "]}",
            "callingWindow.holidays" },
        { "startAt", "\"9999-12-31T00:00:00Z\"", "startAt" },
        { "endAt", "\"0001-01-02T00:00:00Z\"", "endAt" },
    };

    [Theory]
    [MemberData(nameof(OutOfBounds))]
    public async Task A_setting_out_of_its_bounds_is_a_400_naming_it(string field, string value, string named)
    {
        var body = ApiCalls.ValidCampaign("Bounds " + Guid.NewGuid());
        body[field] = JsonNode.Parse(value);
        var response = await _marketer.PostAsJsonAsync("/api/campaigns", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(named), errors.ToJsonString());
    }
}
