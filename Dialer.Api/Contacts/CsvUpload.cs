using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Dialer.Api.Contacts;

/// <summary>
/// The uploaded file as a stream, whether posted raw (text/csv) or as multipart form data, never
/// buffered whole. Refuses what is over the size limit or is not text.
/// </summary>
public static class CsvUpload
{
    public static async Task<(Stream? Body, string? Error)> OpenAsync(HttpRequest request, long maxBytes,
        CancellationToken ct)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = maxBytes + 64 * 1024; // room for multipart boundaries
        if (request.ContentLength > maxBytes + 64 * 1024)
            return (null, TooLarge(maxBytes));

        var body = request.Body;
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
            if (string.IsNullOrEmpty(boundary)) return (null, "The multipart body has no boundary.");
            var reader = new MultipartReader(boundary, request.Body);
            MultipartSection? section;
            while ((section = await reader.ReadNextSectionAsync(ct)) is not null)
                if (section.GetContentDispositionHeader()?.IsFileDisposition() == true) break;
            if (section is null)
                return (null, "The form has no file: send the CSV as a file field (for example 'file').");
            body = section.Body;
        }
        return (new LimitedStream(body, maxBytes), null);
    }

    public static string TooLarge(long maxBytes) =>
        $"The file is larger than the limit of {maxBytes / (1024 * 1024)} MB (Import:MaxUploadBytes).";

    /// <summary>NUL bytes or invalid UTF-8 in the first block: a spreadsheet or image, not CSV text.</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> sample)
    {
        if (sample.IndexOf((byte)0) >= 0) return true;
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        // a multi-byte character may be cut at the end of the sample
        var whole = sample.Length > 4 ? sample[..^4] : sample;
        try { strict.GetCharCount(whole); return false; }
        catch (DecoderFallbackException) { return true; }
    }
}

public sealed class UploadTooLargeException(long maxBytes) : Exception(CsvUpload.TooLarge(maxBytes));

/// <summary>Counts what is read and stops at the limit, for bodies with no Content-Length.</summary>
sealed class LimitedStream(Stream inner, long maxBytes) : Stream
{
    long _read;
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) =>
        Count(await inner.ReadAsync(buffer, ct));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
        ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

    int Count(int n)
    {
        _read += n;
        if (_read > maxBytes) throw new UploadTooLargeException(maxBytes);
        return n;
    }
}
