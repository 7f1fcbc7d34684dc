namespace Dialer.TwilioSimulator.Recordings;

/// <summary>
/// A real, small audio file for a recording: 16-bit PCM WAV at 8 kHz, a quiet 440 Hz tone, at most a minute long.
/// </summary>
public static class WavFile
{
    const int SampleRate = 8_000;
    public const int MaxSeconds = 60;

    public static byte[] Tone(int seconds, int channels)
    {
        var samples = Math.Clamp(seconds, 0, MaxSeconds) * SampleRate;
        var dataBytes = samples * channels * 2;
        using var stream = new MemoryStream(44 + dataBytes);
        using var writer = new BinaryWriter(stream);
        writer.Write("RIFF"u8);
        writer.Write(36 + dataBytes);
        writer.Write("WAVE"u8);
        writer.Write("fmt "u8);
        writer.Write(16);                         // PCM header size
        writer.Write((short)1);                   // PCM
        writer.Write((short)channels);
        writer.Write(SampleRate);
        writer.Write(SampleRate * channels * 2);  // bytes per second
        writer.Write((short)(channels * 2));      // block align
        writer.Write((short)16);                  // bits per sample
        writer.Write("data"u8);
        writer.Write(dataBytes);
        for (var i = 0; i < samples; i++)
        {
            var value = (short)(3_000 * Math.Sin(2 * Math.PI * 440 * i / SampleRate));
            for (var c = 0; c < channels; c++) writer.Write(value);
        }
        writer.Flush();
        return stream.ToArray();
    }
}
