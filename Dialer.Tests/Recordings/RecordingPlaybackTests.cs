using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Dialer.Core.Agents;
using Dialer.Core.Auth;
using Dialer.Core.Dialing;
using Dialer.Core.Recordings;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Recordings;

/// <summary>A recorded call, end to end: listed for managers, played through the Api from the simulator, offered to its
/// own agent only.</summary>
public sealed class RecordingPlaybackTests(RecordedCalls world) : IClassFixture<RecordedCalls>
{
    [Fact]
    public async Task A_recorded_call_is_listed_with_its_attempt_agent_and_duration_and_plays_as_audio_with_ranges()
    {
        var (attempt, agent, _, recording) = await world.RecordedCallAsync(retentionDays: 30);
        var manager = world.Api.ClientAs(Role.Manager);

        var page = (await manager.GetFromJsonAsync<JsonObject>(
            $"/api/campaigns/{attempt.CampaignId}/recordings?pageSize=10", ApiCalls.Json))!;
        var audio = await manager.GetAsync($"/api/recordings/{recording.Id}/audio");
        var bytes = await audio.Content.ReadAsByteArrayAsync();
        using var ranged = new HttpRequestMessage(HttpMethod.Get,
            $"/api/recordings/{recording.Id}/audio")
        { Headers = { Range = new RangeHeaderValue(0, 43) } };
        var header = await manager.SendAsync(ranged);
        var oneAttempt = (await manager.GetFromJsonAsync<JsonObject>(
            $"/api/campaigns/{attempt.CampaignId}/recordings?attemptId={Guid.NewGuid()}", ApiCalls.Json))!;

        Assert.Equal(RecordingStatus.Completed, recording.Status);
        Assert.Equal(1, page["total"]!.GetValue<int>());
        var row = page["items"]![0]!;
        Assert.Equal((recording.Id, attempt.Id, agent.Id, agent.Name, "completed"),
            (row["id"]!.GetValue<Guid>(), row["attemptId"]!.GetValue<Guid>(), row["agentId"]!.GetValue<Guid>(),
                row["agentName"]!.GetValue<string>(),
             row["status"]!.GetValue<string>()));
        var seconds = row["durationSeconds"]!.GetValue<int>();
        Assert.InRange(seconds, 1, 10);
        Assert.InRange(row["deleteAfter"]!.GetValue<DateTimeOffset>(), DateTimeOffset.UtcNow.AddDays(29),
            DateTimeOffset.UtcNow.AddDays(31));
        Assert.Equal(0, oneAttempt["total"]!.GetValue<int>());

        Assert.Equal(HttpStatusCode.OK, audio.StatusCode);
        // the simulator's MP3 is a WAV (its README)
        Assert.Equal("audio/x-wav", audio.Content.Headers.ContentType!.MediaType);
        Assert.Equal("RIFF", Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal(44 + seconds * 8_000 * 2 * 2, bytes.Length); // the dual-channel recording the Worker asked for
        Assert.True(audio.Headers.CacheControl!.NoStore);

        Assert.Equal(HttpStatusCode.PartialContent, header.StatusCode);
        Assert.Equal(bytes[..44], await header.Content.ReadAsByteArrayAsync());
        Assert.Equal($"bytes 0-43/{bytes.Length}", header.Content.Headers.ContentRange!.ToString());
    }

    [Fact]
    public async Task An_agent_plays_their_own_recording_and_finds_it_in_the_contacts_history_but_never_a_colleagues()
    {
        var (attempt, agent, key, recording) = await world.RecordedCallAsync();
        var (_, colleague, colleagueKey, _) = await world.RecordedCallAsync();
        // both agents meet the first call's contact again: the history the screen pop shows is that of the next call
        // (Offline on paper, so that the healer leaves these made-up calls alone)
        await using (var db = world.Db())
        {
            var again = CallAttempt.Create(attempt.CampaignId, attempt.ContactId, DateTimeOffset.UtcNow);
            var againForColleague = CallAttempt.Create(attempt.CampaignId, attempt.ContactId, DateTimeOffset.UtcNow);
            db.CallAttempts.AddRange(again, againForColleague);
            await db.SaveChangesAsync();
            await db.Agents.Where(a => a.Id == agent.Id)
                .ExecuteUpdateAsync(a =>
                    a.SetProperty(x => x.CurrentAttemptId, again.Id).SetProperty(x => x.State, AgentState.Offline));
            await db.Agents.Where(a => a.Id == colleague.Id)
                .ExecuteUpdateAsync(a =>
                    a.SetProperty(x => x.CurrentAttemptId, againForColleague.Id)
                        .SetProperty(x => x.State, AgentState.Offline));
        }
        var own = world.Api.ClientWith(key);
        var other = world.Api.ClientWith(colleagueKey);

        var mine = (await own.GetFromJsonAsync<JsonObject>("/api/agent-console/me", ApiCalls.Json))!;
        var theirs = (await other.GetFromJsonAsync<JsonObject>("/api/agent-console/me", ApiCalls.Json))!;
        var played = await own.GetAsync($"/api/recordings/{recording.Id}/audio");
        var refused = await other.GetAsync($"/api/recordings/{recording.Id}/audio");
        var listing = await own.GetAsync($"/api/campaigns/{attempt.CampaignId}/recordings");

        HistoryEntry(mine, attempt.Id, out var ownEntry);
        HistoryEntry(theirs, attempt.Id, out var colleagueEntry);
        Assert.Equal(recording.Id, ownEntry["recordingId"]!.GetValue<Guid>());
        Assert.Null(colleagueEntry["recordingId"]);
        Assert.Equal(HttpStatusCode.OK, played.StatusCode);
        Assert.StartsWith("audio/", played.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, listing.StatusCode);
    }

    [Fact]
    public async Task Recordings_are_for_managers_and_agents_only_and_an_unknown_campaign_or_recording_is_a_404()
    {
        var marketer = world.Api.ClientAs(Role.Marketer);
        var manager = world.Api.ClientAs(Role.Manager);
        var (campaign, _) = await world.RunningCampaignAsync(0);

        Assert.Equal(HttpStatusCode.Forbidden,
            (await marketer.GetAsync($"/api/campaigns/{campaign.Id}/recordings")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await marketer.GetAsync($"/api/recordings/{Guid.NewGuid()}/audio")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await new HttpClient { BaseAddress = new Uri(world.Api.Url) }.GetAsync(
                $"/api/recordings/{Guid.NewGuid()}/audio")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await manager.GetAsync($"/api/campaigns/{Guid.NewGuid()}/recordings")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await manager.GetAsync($"/api/recordings/{Guid.NewGuid()}/audio")).StatusCode);
        var empty = (await manager.GetFromJsonAsync<JsonObject>(
            $"/api/campaigns/{campaign.Id}/recordings?pageSize=100000", ApiCalls.Json))!;
        Assert.Equal((0, 500), (empty["total"]!.GetValue<int>(), empty["pageSize"]!.GetValue<int>()));
    }

    static void HistoryEntry(JsonObject me, Guid attemptId, out JsonNode entry) =>
        entry = me["call"]!["contact"]!["history"]!.AsArray()
            .Single(h => h!["attemptId"]!.GetValue<Guid>() == attemptId)!;
}
