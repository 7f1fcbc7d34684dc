using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Dialer.Tests.Managers;

/// <summary>The wall's figures for today (UTC) on the known history, read at a standing clock.</summary>
public sealed class AgentWallTests(FrozenClockApi api) : IClassFixture<FrozenClockApi>
{
    [Fact]
    public async Task The_wall_shows_each_agents_state_and_todays_calls_talk_time_and_occupancy()
    {
        var seeded = await KnownAgentDays.SeedAsync(api.Database);

        var wall = (await api.Manager().GetFromJsonAsync<JsonObject>("/api/agents/wall"))!;

        var rows = wall["agents"]!.AsArray().Select(r => r!.AsObject()).ToDictionary(r => (Guid)r["agentId"]!);
        var ada = rows[seeded.Ada];
        Assert.Equal("Break", (string)ada["state"]!);
        Assert.Equal("lunch", (string)ada["breakReason"]!);
        Assert.Equal(DateTimeOffset.Parse("2026-06-11T15:00:00Z"), DateTimeOffset.Parse((string)ada["since"]!));
        Assert.Equal(1, (long)ada["callsToday"]!);
        Assert.Equal(0, (long)ada["conversionsToday"]!);
        Assert.Equal(300, (long)ada["talkSecondsToday"]!);
        Assert.Equal(60, (long)ada["wrapUpSecondsToday"]!);
        Assert.Equal(9000, (long)ada["loggedInSecondsToday"]!); // from midnight, not from the login the evening before
        Assert.Equal(0.04, (double)ada["occupancy"]!);
        Assert.Single(ada["campaigns"]!.AsArray());

        var bob = rows[seeded.Bob];
        Assert.Equal("OnCall", (string)bob["state"]!);
        Assert.Equal(1198, (long)bob["talkSecondsToday"]!);
        Assert.Equal(1800, (long)bob["loggedInSecondsToday"]!);
        Assert.Equal(0.6656, (double)bob["occupancy"]!);
        Assert.Equal(210, (double)bob["usualTalkSeconds"]!); // the campaign's calls: 120 s and 300 s
        Assert.Equal(90, (int)bob["wrapUpLimitSeconds"]!);
        Assert.Equal(45, (int)wall["limits"]!["reservationTimeoutSeconds"]!);
    }
}
