using System.Buffers;
using System.Text;

namespace Dialer.Core.Csv;

/// <summary>
/// Streams RFC 4180 records from a reader: quoted fields may hold separators, doubled quotes and
/// line breaks. Knows the line each record starts on, so a rejected row can be reported by its line.
/// Reads asynchronously a block at a time and parses each block synchronously, a run of ordinary characters at a
/// time (a vectorised search for the next separator, quote or line break). A record longer than
/// <paramref name="maxRecordChars"/> is read to its end but not kept: memory stays bounded whatever the input.
/// </summary>
public sealed class CsvRecordReader(TextReader reader, char separator, int maxRecordChars = int.MaxValue)
{
    enum State { Unquoted, Quoted, QuoteInQuoted }

    readonly char[] _buffer = new char[64 * 1024];
    readonly StringBuilder _field = new();
    readonly SearchValues<char> _unquotedSpecials = SearchValues.Create([separator, '"', '\n', '\r']);
    int _length, _position, _line = 1, _recordChars, _fieldChars;
    bool _skipLineFeed;

    /// <summary>The 1-based line on which the last record read began.</summary>
    public int RecordLine { get; private set; }

    /// <summary>
    /// The last record read was longer than the limit: its fields are cut short and must not be used.
    /// </summary>
    public bool RecordTooLong { get; private set; }

    /// <summary>Reads the next record into <paramref name="fields"/>; false at the end of the input.</summary>
    /// <exception cref="CsvFormatException">A quoted field was never closed.</exception>
    public async ValueTask<bool> TryReadAsync(List<string> fields, CancellationToken ct)
    {
        fields.Clear();
        _field.Clear();
        _recordChars = _fieldChars = 0;
        RecordTooLong = false;
        var state = State.Unquoted;
        bool fieldWasQuoted = false, started = false;

        while (true)
        {
            if (_position >= _length)
            {
                _length = await reader.ReadAsync(_buffer, ct);
                _position = 0;
                if (_length == 0) break;
            }
            var c = _buffer[_position];
            if (_skipLineFeed) { _skipLineFeed = false; if (c == '\n') { _position++; continue; } }
            if (!started) { started = true; RecordLine = _line; }

            // a run of ordinary characters is appended at once; the character that ends it goes through the states
            var run = _buffer.AsSpan(_position, _length - _position);
            var ordinary = state switch
            {
                State.Quoted => run.IndexOfAny('"', '\n'),
                State.Unquoted => run.IndexOfAny(_unquotedSpecials),
                _ => 0,
            };
            if (ordinary != 0)
            {
                Append(ordinary < 0 ? run : run[..ordinary]);
                _position += ordinary < 0 ? run.Length : ordinary;
                continue;
            }
            _position++;

            if (state == State.QuoteInQuoted)
            {
                if (c == '"') { Append('"'); state = State.Quoted; continue; }
                state = State.Unquoted; // the quote closed the field; c is read as unquoted below
            }
            if (state == State.Quoted)
            {
                if (c == '"') state = State.QuoteInQuoted;
                else
                {
                    if (c == '\n') _line++;
                    Append(c);
                }
                continue;
            }

            if (c == separator) { fields.Add(Take(fieldWasQuoted)); fieldWasQuoted = false; }
            else if (c == '"' && _fieldChars == 0 && !fieldWasQuoted) { state = State.Quoted; fieldWasQuoted = true; }
            else if (c is '\n' or '\r')
            {
                _line++;
                _skipLineFeed = c == '\r';
                fields.Add(Take(fieldWasQuoted));
                return true;
            }
            else Append(c);
        }

        if (!started) return false;
        if (state == State.Quoted) throw new CsvFormatException(RecordLine, "a quoted field is never closed");
        fields.Add(Take(fieldWasQuoted));
        return true;
    }

    void Append(char c)
    {
        _fieldChars++;
        if (++_recordChars > maxRecordChars) RecordTooLong = true;
        else _field.Append(c);
    }

    void Append(ReadOnlySpan<char> run)
    {
        var room = Math.Max(0, maxRecordChars - _recordChars);
        _fieldChars += run.Length;
        _recordChars += run.Length;
        if (run.Length > room) RecordTooLong = true;
        _field.Append(run.Length > room ? run[..room] : run);
    }

    string Take(bool wasQuoted)
    {
        var value = wasQuoted ? _field.ToString() : _field.ToString().Trim();
        _field.Clear();
        _fieldChars = 0;
        return value;
    }

    /// <summary>Picks the separator the header uses most: comma, semicolon, tab or pipe.</summary>
    public static char DetectSeparator(string headerLine)
    {
        char[] candidates = [',', ';', '\t', '|'];
        var best = candidates.MaxBy(c => headerLine.Count(h => h == c));
        return headerLine.Contains(best) ? best : ',';
    }
}

public sealed class CsvFormatException(int line, string reason) : Exception($"line {line}: {reason}")
{
    public int Line { get; } = line;
    public string Reason { get; } = reason;
}
