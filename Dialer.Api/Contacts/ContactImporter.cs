using System.Buffers;
using System.Diagnostics;
using System.Text;
using Dialer.Core.Csv;
using Microsoft.Extensions.Options;

namespace Dialer.Api.Contacts;

/// <summary>
/// Streams a CSV into a campaign's contacts: each row is normalised and checked on its own, good rows
/// are written in batches as the file is read, and every bad row is reported with its line and reason.
/// </summary>
public sealed class ContactImporter(ContactWriter writer, IOptions<ImportOptions> options)
{
    public sealed class NotCsvException(string message) : Exception(message);

    public async Task<ImportReport> ImportAsync(Guid campaignId, string defaultRegion, Stream body, CancellationToken ct)
    {
        var o = options.Value;
        var clock = Stopwatch.StartNew();
        var report = new ImportReport();

        var (text, separator) = await OpenTextAsync(body, ct);
        report.Separator = separator == '\t' ? "tab" : separator.ToString();
        var csv = new CsvRecordReader(text, separator);
        var fields = new List<string>();
        if (!await csv.TryReadAsync(fields, ct))
            throw new NotCsvException("The file is empty: it needs a header row with a phone column.");
        var columns = ContactColumns.FromHeader(fields)
            ?? throw new NotCsvException($"The header has no phone column (looked for 'phone', 'number', 'mobile'...; found: {string.Join(", ", fields.Take(20))}).");
        var parser = new ContactRowParser(columns, fields.Count, defaultRegion);

        var seen = new HashSet<long>();
        var batch = new List<ContactRow>(o.BatchSize);
        await using var session = await writer.BeginAsync(campaignId, ct);

        while (true)
        {
            try
            {
                if (!await csv.TryReadAsync(fields, ct)) break;
            }
            catch (CsvFormatException e)
            {
                report.RowsRead++;
                Reject(report, e.Line, e.Reason, o.MaxRejectionsListed);
                break;
            }
            if (fields is [""]) continue; // a blank line
            report.RowsRead++;

            if (!parser.TryParse(fields, csv.RecordLine, out var row, out var reason))
            {
                Reject(report, csv.RecordLine, reason, o.MaxRejectionsListed);
                continue;
            }
            if (!seen.Add(long.Parse(row.Phone.AsSpan(1))))
            {
                report.Duplicates++;
                continue;
            }
            batch.Add(row);
            if (batch.Count >= o.BatchSize) await FlushAsync(session, batch, report, ct);
        }
        await FlushAsync(session, batch, report, ct);
        report.Seconds = Math.Round(clock.Elapsed.TotalSeconds, 3);
        return report;
    }

    static async Task FlushAsync(ContactWriter.Session session, List<ContactRow> batch, ImportReport report, CancellationToken ct)
    {
        if (batch.Count == 0) return;
        var (inserted, suppressed) = await session.WriteAsync(batch, ct);
        report.Imported += inserted;
        report.Suppressed += suppressed;
        report.Duplicates += batch.Count - inserted; // already in the campaign from an earlier list
        batch.Clear();
    }

    static void Reject(ImportReport report, int line, string reason, int maxListed)
    {
        report.RejectedCount++;
        if (report.Rejected.Count < maxListed) report.Rejected.Add(new RejectedRow(line, reason));
        else report.RejectedTruncated = true;
    }

    /// <summary>Sniffs the first block: refuses binary files and finds the separator from the header line.</summary>
    static async Task<(TextReader Text, char Separator)> OpenTextAsync(Stream body, CancellationToken ct)
    {
        var sample = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var length = await body.ReadAtLeastAsync(sample.AsMemory(0, 16 * 1024), 16 * 1024, throwOnEndOfStream: false, ct);
        if (CsvUpload.LooksBinary(sample.AsSpan(0, length)))
            throw new NotCsvException("The file is not CSV text (it holds binary data or is not UTF-8).");

        var head = Encoding.UTF8.GetString(sample, 0, length).TrimStart('\uFEFF');
        var firstLine = head.Split('\n', 2)[0];
        var prefix = sample.AsSpan(0, length).ToArray();
        ArrayPool<byte>.Shared.Return(sample);
        var whole = new PrefixedStream(prefix, body);
        return (new StreamReader(whole, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024), CsvRecordReader.DetectSeparator(firstLine));
    }
}
