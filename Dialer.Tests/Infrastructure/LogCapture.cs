using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Dialer.Tests.Infrastructure;

/// <summary>
/// A logger provider that keeps every line a host writes, as text: its formatted message, each structured value,
/// each scope's values and the exception with its inner ones. Give the same one to several hosts to read them together.
/// </summary>
public sealed class LogCapture(string host) : ILoggerProvider, ISupportExternalScope
{
    public string Host { get; } = host;
    readonly ConcurrentQueue<CapturedLine> _lines = new();
    IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<CapturedLine> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose() { }

    sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => capture._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            var texts = new List<string> { formatter(state, exception) };
            AddValues(texts, state);
            capture._scopes.ForEachScope((scope, list) => AddValues(list, scope), texts);
            if (exception is not null) texts.Add(exception.ToString());
            capture._lines.Enqueue(new CapturedLine(capture.Host, category, logLevel, texts));
        }

        static void AddValues(List<string> texts, object? state)
        {
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
                foreach (var (key, value) in pairs) texts.Add($"{key}={Text(value)}");
            else if (state is not null) texts.Add(state.ToString() ?? "");
        }

        static string Text(object? value) => value switch
        {
            null => "",
            string s => s,
            System.Collections.IEnumerable items => string.Join(",", items.Cast<object?>()),
            _ => value.ToString() ?? "",
        };
    }
}

public sealed record CapturedLine(string Host, string Category, LogLevel Level, IReadOnlyList<string> Texts)
{
    public override string ToString() => $"[{Host} {Level} {Category}] {string.Join(" | ", Texts)}";
}
