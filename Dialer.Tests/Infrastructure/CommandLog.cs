using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dialer.Tests.Infrastructure;

/// <summary>The SQL a context sends, queries and other statements alike, in order: add it as an interceptor.</summary>
public sealed class CommandLog : DbCommandInterceptor
{
    public List<string> Texts { get; } = [];

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command,
        CommandEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        Texts.Add(command.CommandText);
        return base.NonQueryExecutingAsync(command, eventData, result, ct);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command,
        CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default)
    {
        Texts.Add(command.CommandText);
        return base.ReaderExecutingAsync(command, eventData, result, ct);
    }
}
