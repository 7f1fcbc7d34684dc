using System.ComponentModel.DataAnnotations;

namespace Dialer.Api.Recordings;

/// <summary>The Api's share of the Twilio settings for playback: the account whose recordings it fetches.</summary>
public sealed class RecordingMediaOptions
{
    public const string Section = "Twilio";
    [Required] public string AccountSid { get; set; } = "";
    [Required] public string AuthToken { get; set; } = "";
    [Required, Url] public string ApiBaseUrl { get; set; } = "https://api.twilio.com";
    /// <summary>Until Twilio starts answering; the audio itself may take as long as it takes to stream.</summary>
    [Range(1, 60)] public int RequestTimeoutSeconds { get; set; } = 10;
}
