using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Threading.Channels;
using Dialer.Core.Csv;
using Microsoft.Extensions.Options;

namespace Dialer.Api.Contacts;

/// <summary>
/// Streams a CSV into a campaign's contacts: each row is normalised and checked on its own, good rows
/// are written in batches as the file is read, and every bad row is reported with its line and reason.
/// Three stages overlap: reading the upload, parsing numbers (on every core: libphonenumber is the
/// expensive part), and COPY into PostgreSQL. Bounded channels keep memory flat whatever the file size.
/// </summary>
public sealed class ContactImporter(ContactWriter writer, IOptions<ImportOptions> options)
{
    public sealed class NotCsvException(string message) : Exception(message);

    sealed record RawBatch(int[] Lines, string[][] Records, CsvFormatException? Error);

    public async Task<ImportReport> ImportAsync(Guid campaignId, string defaultRegion, Stream body, CancellationToken ct)
    {
        var o = options.Value;
        var clock = Stopwatch.StartNew();
        var report = new ImportReport();

        var (text, separator) = await OpenTextAsync(body, ct);
        report.Separator = separator == '\t' ? "tab" : separator.ToString();
        var csv = new CsvRecordReader(text, separator);
        var header = new List<string>();
        if (!await csv.TryReadAsync(header, ct))
            throw new NotCsvException("The file is empty: it needs a header row with a phone column.");
        var columns = ContactColumns.FromHeader(header)
            ?? throw new NotCsvException($"The header has no phone column (looked for 'phone', 'number', 'mobile'...; found: {string.Join(", ", header.Take(20))}).");

        var raw = Channel.CreateBounded<RawBatch>(2);
        var parsed = Channel.CreateBounded<List<ContactRow>>(2);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reading = ReadAsync(csv, raw.Writer, o.BatchSize, linked.Token);
        var parsing = Task.Run(() => ParseAsync(raw.Reader, parsed.Writer, columns, header.Count, defaultRegion, report, o, linked.Token), linked.Token);
        var writing = WriteAsync(campaignId, parsed.Reader, linked.Token);
        try
        {
            await Task.WhenAll(reading, parsing, writing);
            var written = await writing;
            report.Imported = written.Inserted;
            report.Suppressed = written.Suppressed;
            report.Duplicates += written.AlreadyInCampaign;
        }
        catch
        {
            await linked.CancelAsync(); // one stage failed: stop the others before the exception goes up
            throw;
        }
        report.Seconds = Math.Round(clock.Elapsed.TotalSeconds, 3);
        return report;
    }

    static async Task ReadAsync(CsvRecordReader csv, ChannelWriter<RawBatch> output, int batchSize, CancellationToken ct)
    {
        try
        {
            var fields = new List<string>();
            var lines = new List<int>(batchSize);
            var records = new List<string[]>(batchSize);
            CsvFormatException? error = null;
            while (true)
            {
                try
                {
                    if (!await csv.TryReadAsync(fields, ct)) break;
                }
                catch (CsvFormatException e) { error = e; break; }
                if (fields is [""]) continue; // a blank line
                lines.Add(csv.RecordLine);
                records.Add([.. fields]);
                if (records.Count < batchSize) continue;
                await output.WriteAsync(new RawBatch([.. lines], [.. records], null), ct);
                lines.Clear();
                records.Clear();
            }
            await output.WriteAsync(new RawBatch([.. lines], [.. records], error), ct);
            output.Complete();
        }
        catch (Exception e) { output.Complete(e); throw; }
    }

    static async Task ParseAsync(ChannelReader<RawBatch> input, ChannelWriter<List<ContactRow>> output, ContactColumns columns,
        int headerWidth, string region, ImportReport report, ImportOptions o, CancellationToken ct)
    {
        try
        {
            var seen = new HashSet<long>();
            var parallel = new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Environment.ProcessorCount };
            await foreach (var batch in input.ReadAllAsync(ct))
            {
                var results = new (ContactRow Row, string? Reason)[batch.Records.Length];
                Parallel.For(0, results.Length, parallel,
                    () => new ContactRowParser(columns, headerWidth, region),
                    (i, _, parser) =>
                    {
                        results[i] = parser.TryParse(batch.Records[i], batch.Lines[i], out var row, out var reason) ? (row, null) : (default, reason);
                        return parser;
                    },
                    _ => { });

                // in file order, so the first of two equal numbers is the one kept
                var rows = new List<ContactRow>(results.Length);
                for (var i = 0; i < results.Length; i++)
                {
                    var (row, reason) = results[i];
                    report.RowsRead++;
                    if (reason is not null) Reject(report, batch.Lines[i], reason, o.MaxRejectionsListed);
                    else if (!seen.Add(long.Parse(row.Phone.AsSpan(1)))) report.Duplicates++;
                    else rows.Add(row);
                }
                if (batch.Error is { } e)
                {
                    report.RowsRead++;
                    Reject(report, e.Line, e.Reason, o.MaxRejectionsListed);
                }
                if (rows.Count > 0) await output.WriteAsync(rows, ct);
            }
            output.Complete();
        }
        catch (Exception e) { output.Complete(e); throw; }
    }

    async Task<(int Inserted, int Suppressed, int AlreadyInCampaign)> WriteAsync(
        Guid campaignId, ChannelReader<List<ContactRow>> input, CancellationToken ct)
    {
        int total = 0, suppressed = 0, offered = 0;
        await using var session = await writer.BeginAsync(campaignId, ct);
        await foreach (var rows in input.ReadAllAsync(ct))
        {
            var written = await session.WriteAsync(rows, ct);
            total += written.Inserted;
            suppressed += written.Suppressed;
            offered += rows.Count;
        }
        return (total, suppressed, offered - total); // the rest were in the campaign from an earlier list
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
