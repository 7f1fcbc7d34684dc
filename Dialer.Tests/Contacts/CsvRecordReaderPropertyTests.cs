using System.Text;
using Dialer.Core.Csv;

namespace Dialer.Tests.Contacts;

/// <summary>
/// The reader that scans runs of ordinary characters at once reads every generated input exactly as the reader that
/// went one character at a time (kept below as the reference): the same fields, record lines, records too long and
/// unclosed quotes, with the input handed over in blocks of every size so that runs are cut anywhere.
/// </summary>
public sealed class CsvRecordReaderPropertyTests
{
    static readonly string[] Pieces =
        ["a", "bc", "Customer 12", " ", "  x  ", ",", ";", "\t", "|", "\"", "\"\"", "\n", "\r", "\r\n", "é", "+1415"];

    [Fact]
    public async Task Reads_every_generated_input_as_the_one_character_at_a_time_reader_does()
    {
        var random = new Random(16);
        for (var i = 0; i < 3000; i++)
        {
            var text = Generate(random);
            var separator = ",;\t|"[random.Next(4)];
            var maxRecordChars = random.Next(3) == 0 ? random.Next(1, 40) : int.MaxValue;
            var block = random.Next(1, 20);
            var expected = await ReadAllAsync(new ReferenceReader(new StringReader(text), separator, maxRecordChars));
            var actual = await ReadAllAsync(
                new CsvRecordReader(new BlockReader(text, block), separator, maxRecordChars));
            Assert.True(expected == actual,
                $"input {Escape(text)}, separator {Escape(separator.ToString())}, max {maxRecordChars}, "
                + $"blocks of {block}:\nexpected {expected}\nactual   {actual}");
        }
    }

    [Fact]
    public async Task A_long_unquoted_field_past_the_limit_marks_its_record_too_long_and_the_next_one_reads_whole()
    {
        var text = new string('x', 200) + ",y\nshort,row\n";
        var reader = new CsvRecordReader(new BlockReader(text, 64), ',', 100);
        var fields = new List<string>();
        Assert.True(await reader.TryReadAsync(fields, CancellationToken.None));
        Assert.True(reader.RecordTooLong);
        Assert.True(await reader.TryReadAsync(fields, CancellationToken.None));
        Assert.False(reader.RecordTooLong);
        Assert.Equal(["short", "row"], fields);
        Assert.Equal(2, reader.RecordLine);
    }

    static string Generate(Random random)
    {
        var text = new StringBuilder();
        var pieces = random.Next(0, 40);
        for (var i = 0; i < pieces; i++) text.Append(Pieces[random.Next(Pieces.Length)]);
        return text.ToString();
    }

    static async Task<string> ReadAllAsync(ReferenceReader reader) =>
        await ReadAllAsync(reader.TryReadAsync, () => (reader.RecordLine, reader.RecordTooLong));

    static async Task<string> ReadAllAsync(CsvRecordReader reader) =>
        await ReadAllAsync(reader.TryReadAsync, () => (reader.RecordLine, reader.RecordTooLong));

    static async Task<string> ReadAllAsync(Func<List<string>, CancellationToken, ValueTask<bool>> read,
        Func<(int Line, bool TooLong)> state)
    {
        var result = new StringBuilder();
        var fields = new List<string>();
        try
        {
            while (await read(fields, CancellationToken.None))
            {
                var (line, tooLong) = state();
                // a record too long has fields cut short that nobody uses: only the flag counts
                result.Append($"[{line}{(tooLong ? " too long" : ": " + string.Join("|", fields.Select(Escape)))}]");
            }
        }
        catch (CsvFormatException e) { result.Append($"[error {e.Line}: {e.Reason}]"); }
        return result.ToString();
    }

    static string Escape(string s) => s.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\t", "\\t");

    /// <summary>Hands its text over at most <paramref name="block"/> characters a read.</summary>
    sealed class BlockReader(string text, int block) : TextReader
    {
        int _at;

        public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken ct = default)
        {
            var n = Math.Min(Math.Min(block, buffer.Length), text.Length - _at);
            text.AsSpan(_at, n).CopyTo(buffer.Span);
            _at += n;
            return ValueTask.FromResult(n);
        }
    }

    /// <summary>The reader as it was before runs were scanned at once: one character at a time.</summary>
    sealed class ReferenceReader(TextReader reader, char separator, int maxRecordChars)
    {
        enum State { Unquoted, Quoted, QuoteInQuoted }

        readonly char[] _buffer = new char[64 * 1024];
        readonly StringBuilder _field = new();
        int _length, _position, _line = 1, _recordChars, _fieldChars;
        bool _skipLineFeed;

        public int RecordLine { get; private set; }
        public bool RecordTooLong { get; private set; }

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
                var c = _buffer[_position++];
                if (_skipLineFeed) { _skipLineFeed = false; if (c == '\n') continue; }
                if (!started) { started = true; RecordLine = _line; }

                if (state == State.QuoteInQuoted)
                {
                    if (c == '"') { Append('"'); state = State.Quoted; continue; }
                    state = State.Unquoted;
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
                else if (c == '"' && _fieldChars == 0 && !fieldWasQuoted)
                {
                    state = State.Quoted;
                    fieldWasQuoted = true;
                }
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

        string Take(bool wasQuoted)
        {
            var value = wasQuoted ? _field.ToString() : _field.ToString().Trim();
            _field.Clear();
            _fieldChars = 0;
            return value;
        }
    }
}
