using System.Security.Claims;
using Dialer.Api.Auth;
using Dialer.Core.Auth;
using Dialer.Core.Recordings;

namespace Dialer.Api.Recordings;

/// <summary>
/// Who may hear a recording: an admin any, a manager any of their team's calls (the team check is the route's
/// TeamScoped), an agent only the calls they took. Anyone else is told there is no such recording.
/// </summary>
public static class RecordingAccess
{
    public static bool MayHear(ClaimsPrincipal user, Guid? recordingAgentId)
    {
        if (user.IsInRole(nameof(Role.Admin)) || user.IsInRole(nameof(Role.Manager))) return true;
        return user.IsInRole(nameof(Role.Agent)) && recordingAgentId is { } owner
            && Guid.TryParse(user.FindFirstValue(DialerClaims.AgentId), out var agentId) && agentId == owner;
    }

    /// <summary>Why a recording the caller may hear has no audio to play; null when it has.</summary>
    public static (int Status, string Detail)? WhyNotPlayable(CallRecording recording) => recording.Status switch
    {
        RecordingStatus.Completed => null,
        RecordingStatus.InProgress =>
            (StatusCodes.Status409Conflict, "The call is still being recorded: its audio is ready once it ends."),
        RecordingStatus.Failed =>
            (StatusCodes.Status404NotFound, "The recording failed: Twilio kept no audio of this call."),
        _ => (StatusCodes.Status410Gone,
            $"The recording was deleted on {recording.DeletedAt:yyyy-MM-dd}, when the campaign's retention ran out."),
    };
}
