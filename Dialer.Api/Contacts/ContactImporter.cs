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
/// expensive part), and COPY into PostgreSQL, a few batches at once (Import:WritersInFlight) so that the database
/// works on more than one core. Bounded channels keep memory flat whatever the file size.
/// A limit met part way (rows per upload, contacts per campaign) keeps what came before and says where it stopped.
/// </summary>
public sealed class ContactImporter(ContactWriter writer, IOptions<ImportOptions> options, TimeProvider clock,
    ILogger<ContactImporter> log)
{
    public sealed class NotCsvException(string message) : Exception(message);

    /// <summary>
    /// A limit stopped the import at <see cref="Line"/>; the rows before it are in the report, imported.
    /// </summary>
    public sealed class LimitException(string detail, int line, ImportReport report) : Exception(detail)
    {
        public int Line { get; } = line;
        public ImportReport Report { get; } = report;
    }

    sealed record RawBatch(int[] Lines, string[][] Records, CsvFormatException? Error, RejectedRow[] TooLong);

    /// <summary>
    /// Where a limit stopped the import: the reader's (rows per upload), the writer's (per campaign).
    /// </summary>
    sealed class Stop
    {
        public (int Line, string Detail)? Reading, Writing;
        public (int Line, string Detail)? First =>
            Reading is { } r && (Writing is not { } w || r.Line < w.Line) ? r : Writing;
    }

    public Task<ImportReport> ImportAsync(Guid campaignId, string defaultRegion, Stream body,
        CancellationToken ct, string[]? numberOrder = null) =>
        ImportAsync(new CampaignContacts(writer, campaignId, numberOrder), defaultRegion, body, ct);

    /// <summary>The same import into another destination (a team's list: Dialer.Api/Lists).</summary>
    public async Task<ImportReport> ImportAsync(IContactRowSink sink, string defaultRegion, Stream body,
        CancellationToken ct)
    {
        var o = options.Value;
        var stopwatch = Stopwatch.StartNew();
        var report = new ImportReport();
        var timings = new ImportTimings();

        var (text, separator) = await OpenTextAsync(body, ct);
        report.Separator = separator == '\t' ? "tab" : separator.ToString();
        var csv = new CsvRecordReader(text, separator, o.MaxRecordChars);
        var (header, columns) = await ReadHeaderAsync(csv, o, ct);
        report.Columns = [.. header.Select(h => h.Trim())];
        var room = o.MaxContactsPerCampaign - await sink.CountAsync(ct);

        var raw = Channel.CreateBounded<RawBatch>(2);
        var parsed = Channel.CreateBounded<List<ContactRow>>(2);
        var stop = new Stop();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reading = ReadAsync(csv, raw.Writer, o, stop, timings, linked.Token);
        var now = clock.GetUtcNow();
        var parsing = Task.Run(() => ParseAsync(raw.Reader, parsed.Writer, columns, header.Count, defaultRegion, report,
            o, now, timings, sink.NumberOrder, linked.Token), linked.Token);
        var writing = WriteAsync(sink, parsed.Reader, room, o, stop, timings, linked.Token);
        try
        {
            await Task.WhenAll(reading, parsing, writing);
            var written = await writing;
            report.Imported = written.Inserted;
            report.Suppressed = written.Suppressed;
            report.Consents = written.Consents;
            report.Duplicates += written.AlreadyInCampaign;
        }
        catch
        {
            await linked.CancelAsync(); // one stage failed: stop the others before the exception goes up
            throw;
        }
        report.Seconds = Math.Round(stopwatch.Elapsed.TotalSeconds, 3);
        log.LogInformation(
            "Import into {Holder} {HolderId}: {Rows} rows in {WallMs} ms; reading {ReadingMs} ms, parsing "
            + "{ParsingMs} ms, COPY {CopyMs} ms, INSERT…SELECT {InsertMs} ms, consents {ConsentsMs} ms, "
            + "commit {CommitMs} ms",
            sink.Holder, sink.Id, report.RowsRead, (long)stopwatch.Elapsed.TotalMilliseconds, Ms(timings.Reading),
            Ms(timings.Parsing), Ms(timings.Copy), Ms(timings.Insert), Ms(timings.Consents), Ms(timings.Commit));
        if (stop.First is { } at) throw new LimitException(at.Detail, at.Line, report);
        return report;
    }

    static async Task<(List<string> Header, ContactColumns Columns)> ReadHeaderAsync(CsvRecordReader csv,
        ImportOptions o, CancellationToken ct)
    {
        var header = new List<string>();
        try
        {
            if (!await csv.TryReadAsync(header, ct))
                throw new NotCsvException("The file is empty: it needs a header row with a phone column.");
        }
        catch (CsvFormatException e) { throw new NotCsvException($"The header row cannot be read ({e.Message})."); }
        if (csv.RecordTooLong)
            throw new NotCsvException(
                $"The header row is longer than {o.MaxRecordChars} characters (Import:MaxRecordChars).");
        if (header.Count > o.MaxColumns)
            throw new NotCsvException(
                $"The header has {header.Count} columns; at most {o.MaxColumns} are accepted (Import:MaxColumns).");
        var columns = ContactColumns.FromHeader(header)
            ?? throw new NotCsvException(
                "The header has no phone column (looked for 'phone', 'number', 'mobile'...; found: "
                    + $"{string.Join(", ", header.Take(20))}).");
        return (header, columns);
    }

    static long Ms(TimeSpan t) => (long)t.TotalMilliseconds;

    static async Task ReadAsync(CsvRecordReader csv, ChannelWriter<RawBatch> output, ImportOptions o, Stop stop,
        ImportTimings timings, CancellationToken ct)
    {
        try
        {
            var started = Stopwatch.GetTimestamp();
            var fields = new List<string>();
            var lines = new List<int>(o.BatchSize);
            var records = new List<string[]>(o.BatchSize);
            var tooLong = new List<RejectedRow>();
            CsvFormatException? error = null;
            var rows = 0;
            while (true)
            {
                try
                {
                    if (!await csv.TryReadAsync(fields, ct)) break;
                }
                catch (CsvFormatException e) { error = e; break; }
                if (fields is [""]) continue; // a blank line
                if (++rows > o.MaxRowsPerUpload)
                {
                    stop.Reading = (csv.RecordLine,
                        $"An upload holds at most {o.MaxRowsPerUpload} rows (Import:MaxRowsPerUpload): "
                        + $"rows from line {csv.RecordLine} on were not read; the rows before were imported.");
                    break;
                }
                if (csv.RecordTooLong)
                    tooLong.Add(new RejectedRow(csv.RecordLine,
                        $"the record is longer than {o.MaxRecordChars} characters (Import:MaxRecordChars)"));
                else
                {
                    lines.Add(csv.RecordLine);
                    records.Add([.. fields]);
                }
                if (records.Count < o.BatchSize) continue;
                timings.AddReading(started);
                await output.WriteAsync(new RawBatch([.. lines], [.. records], null, [.. tooLong]), ct);
                started = Stopwatch.GetTimestamp();
                lines.Clear();
                records.Clear();
                tooLong.Clear();
            }
            timings.AddReading(started);
            await output.WriteAsync(new RawBatch([.. lines], [.. records], error, [.. tooLong]), ct);
            output.Complete();
        }
        catch (Exception e) { output.Complete(e); throw; }
    }

    static async Task ParseAsync(ChannelReader<RawBatch> input, ChannelWriter<List<ContactRow>> output,
        ContactColumns columns, int headerWidth, string region, ImportReport report, ImportOptions o,
        DateTimeOffset now, ImportTimings timings, string[]? numberOrder, CancellationToken ct)
    {
        try
        {
            var seen = new HashSet<long>();
            var parallel =
                new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Environment.ProcessorCount };
            await foreach (var batch in input.ReadAllAsync(ct))
            {
                var started = Stopwatch.GetTimestamp();
                var results = new (ContactRow Row, string? Reason)[batch.Records.Length];
                Parallel.For(0, results.Length, parallel,
                    () => new ContactRowParser(columns, headerWidth, region, o.MaxFieldChars, now, numberOrder),
                    (i, _, parser) =>
                    {
                        results[i] = parser.TryParse(batch.Records[i], batch.Lines[i], out var row, out var reason)
                            ? (row, null) : (default, reason);
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
                    else
                    {
                        rows.Add(row);
                        foreach (var (column, why) in row.BadNumbers ?? [])
                            BadNumber(report, row.Line, column, why, o.MaxRejectionsListed);
                    }
                }
                foreach (var row in batch.TooLong)
                {
                    report.RowsRead++;
                    Reject(report, row.Line, row.Reason, o.MaxRejectionsListed);
                }
                if (batch.Error is { } e)
                {
                    report.RowsRead++;
                    Reject(report, e.Line, e.Reason, o.MaxRejectionsListed);
                }
                timings.AddParsing(started);
                if (rows.Count > 0) await output.WriteAsync(rows, ct);
            }
            output.Complete();
        }
        catch (Exception e) { output.Complete(e); throw; }
    }

    /// <summary>
    /// Each batch on a connection of its own, taken only once the batch is read and parsed; up to
    /// Import:WritersInFlight batches at once. Near the campaign's limit the writes in flight finish first, so that
    /// the limit counts what the campaign really holds, as one write at a time would.
    /// </summary>
    async Task<(int Inserted, int Suppressed, int AlreadyInCampaign, int Consents)> WriteAsync(
        IContactRowSink sink, ChannelReader<List<ContactRow>> input, int room, ImportOptions o, Stop stop,
        ImportTimings timings, CancellationToken ct)
    {
        int total = 0, suppressed = 0, offered = 0, consents = 0, inFlightRows = 0;
        var inFlight = new List<(Task<(int Inserted, int Suppressed, int Consents)> Write, int Rows)>();
        var last = DateTimeOffset.MinValue;
        using var writes = CancellationTokenSource.CreateLinkedTokenSource(ct);

        async Task FinishOneAsync()
        {
            var done = await Task.WhenAny(inFlight.Select(w => w.Write));
            var at = inFlight.FindIndex(w => w.Write == done);
            var written = await done;
            inFlightRows -= inFlight[at].Rows;
            inFlight.RemoveAt(at);
            total += written.Inserted;
            suppressed += written.Suppressed;
            consents += written.Consents;
        }

        try
        {
            await foreach (var batch in input.ReadAllAsync(ct))
            {
                if (stop.Writing is not null) continue; // the campaign is full: only drain what the reader sends
                var rows = batch;
                while (inFlight.Count > 0 && rows.Count > room - total - inFlightRows) await FinishOneAsync();
                if (rows.Count > room - total)
                {
                    var fits = Math.Max(0, room - total);
                    var line = rows[fits].Line;
                    stop.Writing =
                        (line,
                        $"{sink.Holder} holds at most {o.MaxContactsPerCampaign} contacts "
                        + $"(Import:MaxContactsPerCampaign): rows from line {line} on were not imported; the rows "
                        + "before were.");
                    rows = rows.GetRange(0, fits);
                }
                if (rows.Count == 0) continue;
                while (inFlight.Count >= o.WritersInFlight) await FinishOneAsync();
                // PostgreSQL keeps microseconds: each batch a microsecond after the one before at least
                var now = clock.GetUtcNow();
                last = now = now > last.AddTicks(10) ? now : last.AddTicks(10);
                inFlight.Add((sink.WriteAsync(rows, now, timings, writes.Token), rows.Count));
                inFlightRows += rows.Count;
                offered += rows.Count;
            }
            while (inFlight.Count > 0) await FinishOneAsync();
        }
        catch
        {
            // the import fails: stop the other writes, and let them end before the request's scope does
            await writes.CancelAsync();
            try { await Task.WhenAll(inFlight.Select(w => w.Write)); }
            catch { /* the first failure is the one reported */ }
            throw;
        }
        // the rest were in the campaign from an earlier list
        return (total, suppressed, offered - total, consents);
    }

    static void BadNumber(ImportReport report, int line, string column, string reason, int maxListed)
    {
        report.BadNumbersCount++;
        if (report.BadNumbers.Count < maxListed) report.BadNumbers.Add(new BadNumber(line, column, reason));
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
        var length = await body.ReadAtLeastAsync(
            sample.AsMemory(0, 16 * 1024), 16 * 1024, throwOnEndOfStream: false, ct);
        if (CsvUpload.LooksBinary(sample.AsSpan(0, length)))
            throw new NotCsvException("The file is not CSV text (it holds binary data or is not UTF-8).");

        var head = Encoding.UTF8.GetString(sample, 0, length).TrimStart('\uFEFF');
        var firstLine = head.Split('\n', 2)[0];
        var prefix = sample.AsSpan(0, length).ToArray();
        ArrayPool<byte>.Shared.Return(sample);
        var whole = new PrefixedStream(prefix, body);
        return (new StreamReader(whole, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024),
            CsvRecordReader.DetectSeparator(firstLine));
    }
}
