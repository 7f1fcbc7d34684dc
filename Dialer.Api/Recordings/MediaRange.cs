using System.Net.Http.Headers;

namespace Dialer.Api.Recordings;

/// <summary>
/// The one byte range a browser's audio player asks for (bytes=a-, bytes=a-b or bytes=-n), passed on to Twilio.
/// Anything else (several ranges, other units, nonsense) is dropped: the whole file is a valid answer to it.
/// </summary>
public static class MediaRange
{
    const int LongestHeader = 100;

    public static RangeHeaderValue? Simple(string? header)
    {
        if (string.IsNullOrEmpty(header) || header.Length > LongestHeader) return null;
        if (!RangeHeaderValue.TryParse(header, out var range) || range.Unit != "bytes" || range.Ranges.Count != 1)
            return null;
        var only = range.Ranges.Single();
        if (only.From is null && only.To is null) return null;
        if (only.From is { } from && only.To is { } to && to < from) return null;
        return range;
    }
}
