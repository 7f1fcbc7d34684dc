using System.Text;

namespace Dialer.Tests.Infrastructure;

/// <summary>Files that are what they say by their first bytes: an MP3 with an ID3 tag, a WAV's RIFF header.</summary>
public static class TestAudio
{
    public static byte[] Mp3(int bytes = 2048)
    {
        var file = new byte[bytes];
        "ID3"u8.CopyTo(file);
        file[3] = 4;
        return file;
    }

    public static byte[] Wav(int bytes = 2048)
    {
        var file = new byte[bytes];
        Encoding.ASCII.GetBytes("RIFF").CopyTo(file, 0);
        BitConverter.GetBytes(bytes - 8).CopyTo(file, 4);
        Encoding.ASCII.GetBytes("WAVEfmt ").CopyTo(file, 8);
        return file;
    }
}
