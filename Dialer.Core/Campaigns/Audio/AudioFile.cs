namespace Dialer.Core.Campaigns.Audio;

/// <summary>
/// What an uploaded file is, by its first bytes: an MP3 (an ID3 tag or an MPEG audio frame's sync word) or a WAV
/// (RIFF....WAVE). The declared type must agree: a file is never played as something it is not.
/// </summary>
public static class AudioFile
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const string Mpeg = "audio/mpeg", Wav = "audio/wav";

    /// <summary>The declared types each format goes by (browsers say audio/x-wav or audio/wave for a .wav).</summary>
    static readonly Dictionary<string, string> Declared = new(StringComparer.OrdinalIgnoreCase)
    {
        ["audio/mpeg"] = Mpeg, ["audio/mp3"] = Mpeg,
        ["audio/wav"] = Wav, ["audio/x-wav"] = Wav, ["audio/wave"] = Wav, ["audio/vnd.wave"] = Wav,
    };

    /// <summary>The canonical type of a declared Content-Type (parameters ignored), or null when not one we play.
    /// </summary>
    public static string? CanonicalType(string? declared)
    {
        var bare = (declared ?? "").Split(';', 2)[0].Trim();
        return Declared.GetValueOrDefault(bare);
    }

    /// <summary>The type the bytes are, or null when neither an MP3 nor a WAV.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WAVE"u8)) return Wav;
        if (head.Length >= 3 && head[..3].SequenceEqual("ID3"u8)) return Mpeg;
        // an MPEG audio frame: 11 sync bits, a version other than "reserved" (01), a layer other than "reserved" (00)
        if (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0 && (head[1] & 0x18) != 0x08
            && (head[1] & 0x06) != 0)
            return Mpeg;
        return null;
    }
}
