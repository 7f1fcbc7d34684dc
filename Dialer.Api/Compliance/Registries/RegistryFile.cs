using Dialer.Api.Contacts;
using Dialer.Core.Contacts;
using Dialer.Core.Csv;

namespace Dialer.Api.Compliance.Registries;

/// <summary>
/// Reads a registry file line by line: one number per line (the US registry's "201,5550123", area code and number,
/// reads as one number), or CSV whose header names a phone column. Numbers are normalised to E.164 in the
/// registry's country; a line that holds none is rejected with its number and why, and the rest read on.
/// </summary>
public sealed class RegistryFile(Stream body, string region, int maxRecordChars, int maxListed)
{
    public int LinesRead { get; private set; }
    public int RejectedCount { get; private set; }
    public List<RejectedRow> Rejected { get; } = [];

    /// <returns>why the file cannot be read at all, or null</returns>
    public async Task<string?> ReadAsync(Func<string, CancellationToken, ValueTask> add, CancellationToken ct)
    {
        using var text = new StreamReader(body);
        var first = (await text.ReadLineAsync(ct))?.TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(first)) return "The file is empty.";
        var separator = CsvRecordReader.DetectSeparator(first);
        var fields = new List<string>();
        try { await new CsvRecordReader(new StringReader(first), separator).TryReadAsync(fields, ct); }
        catch (CsvFormatException e) { return $"The first line cannot be read ({e.Message})."; }

        int? phoneColumn = null;
        if (first.Any(char.IsLetter))
        {
            if (ContactColumns.FromHeader(fields) is not { } columns)
                return "The header has no phone column (looked for 'phone', 'number'...), and a file without a "
                    + "header holds one number per line.";
            phoneColumn = columns.Phone;
        }
        else await ReadLineAsync(fields, 1, phoneColumn, add, ct);

        var csv = new CsvRecordReader(text, separator, maxRecordChars); // its line 1 is the file's line 2
        while (true)
        {
            try { if (!await csv.TryReadAsync(fields, ct)) break; }
            catch (CsvFormatException e) { LinesRead++; Reject(e.Line + 1, e.Reason); break; }
            if (fields is [""]) continue;
            var line = csv.RecordLine + 1;
            if (csv.RecordTooLong)
            {
                LinesRead++;
                Reject(line, "the line is longer than the limit (Import:MaxRecordChars)");
                continue;
            }
            await ReadLineAsync(fields, line, phoneColumn, add, ct);
        }
        return null;
    }

    async ValueTask ReadLineAsync(List<string> fields, int line, int? phoneColumn,
        Func<string, CancellationToken, ValueTask> add, CancellationToken ct)
    {
        LinesRead++;
        var raw = phoneColumn is { } column ? (column < fields.Count ? fields[column] : "") : string.Concat(fields);
        if (Phones.TryNormalize(raw, region, out var e164, out var why)) await add(e164, ct);
        else Reject(line, why);
    }

    void Reject(int line, string why)
    {
        RejectedCount++;
        if (Rejected.Count < maxListed) Rejected.Add(new RejectedRow(line, why));
    }
}
