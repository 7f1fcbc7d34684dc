using System.Security.Claims;
using Dialer.Api.Auth;
using Dialer.Api.Recordings;
using Dialer.Core.Auth;
using Dialer.Core.Recordings;

namespace Dialer.Tests.Recordings;

public sealed class RecordingRulesTests
{
    static readonly Guid Rita = Guid.NewGuid();

    static ClaimsPrincipal As(Role role, Guid? agentId = null) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Role, role.ToString()),
            .. agentId is { } id ? [new Claim(DialerClaims.AgentId, id.ToString())] : Array.Empty<Claim>()],
        "test"));

    [Fact]
    public void Managers_hear_any_recording_an_agent_only_their_own_and_nobody_else_any()
    {
        Assert.True(RecordingAccess.MayHear(As(Role.Manager), Rita));
        Assert.True(RecordingAccess.MayHear(As(Role.Admin), null));
        Assert.True(RecordingAccess.MayHear(As(Role.Agent, Rita), Rita));
        Assert.False(RecordingAccess.MayHear(As(Role.Agent, Guid.NewGuid()), Rita));
        Assert.False(RecordingAccess.MayHear(As(Role.Agent, Rita), null));
        Assert.False(RecordingAccess.MayHear(As(Role.Agent), Rita));
        Assert.False(RecordingAccess.MayHear(As(Role.Marketer), Rita));
    }

    [Fact]
    public void Only_a_completed_recording_plays_a_deleted_one_is_gone_a_live_one_not_yet()
    {
        var now = DateTimeOffset.UtcNow;
        var recording = CallRecording.Started(Guid.NewGuid(), Guid.NewGuid(), Rita, "RE1", 30, now);
        Assert.Equal(409, RecordingAccess.WhyNotPlayable(recording)?.Status);
        recording.Finished(RecordingStatus.Completed, 12, now);
        Assert.Null(RecordingAccess.WhyNotPlayable(recording));
        recording.Deleted(now.AddDays(30));
        Assert.Equal(410, RecordingAccess.WhyNotPlayable(recording)?.Status);
        var failed = CallRecording.Started(Guid.NewGuid(), Guid.NewGuid(), Rita, "RE2", 30, now);
        failed.Finished(RecordingStatus.Failed, null, now);
        Assert.Equal(404, RecordingAccess.WhyNotPlayable(failed)?.Status);
    }

    [Theory]
    [InlineData("bytes=0-", "bytes=0-")]
    [InlineData("bytes=100-199", "bytes=100-199")]
    [InlineData("bytes=-500", "bytes=-500")]
    [InlineData("bytes=0-10, 20-30", null)]
    [InlineData("bytes=20-10", null)]
    [InlineData("items=0-10", null)]
    [InlineData("bytes=", null)]
    [InlineData("nonsense", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void A_single_byte_range_goes_on_to_Twilio_anything_else_asks_for_the_whole_file(string? header,
        string? passed) =>
        Assert.Equal(passed, MediaRange.Simple(header)?.ToString());

    [Fact]
    public void A_range_header_longer_than_any_player_sends_is_ignored() =>
        Assert.Null(MediaRange.Simple("bytes=" + new string('1', 200) + "-"));
}
