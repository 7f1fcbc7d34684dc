namespace Dialer.Core.Campaigns.Audio;

/// <summary>The messages by the names routes and pages use for them.</summary>
public static class AudioMessages
{
    public static readonly IReadOnlyDictionary<string, AudioMessage> ByName = new Dictionary<string, AudioMessage>
    {
        ["safe-harbour"] = AudioMessage.SafeHarbour,
        ["voicemail"] = AudioMessage.Voicemail,
        ["broadcast"] = AudioMessage.Broadcast,
        ["recording-notice"] = AudioMessage.RecordingNotice,
    };

    public static string NameOf(AudioMessage message) => ByName.First(m => m.Value == message).Key;
}
