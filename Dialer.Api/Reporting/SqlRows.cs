using System.Runtime.CompilerServices;
using Dialer.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dialer.Api.Reporting;

/// <summary>
/// Reports are aggregates and long scans that EF's LINQ says poorly: plain SQL whose columns are named as the record's
/// properties (snake_case, EF's convention here), read by EF one row at a time as they arrive, so a campaign of a
/// million contacts streams. The one idiom for raw queries: no reader read by position.
/// </summary>
public static class SqlRows
{
    public static async IAsyncEnumerable<T> RowsAsync<T>(this DialerDb db, string sql,
        [EnumeratorCancellation] CancellationToken ct, params NpgsqlParameter[] parameters)
    {
        await using var streaming = db.Streaming();
        await foreach (var row in streaming.Database.SqlQueryRaw<T>(sql, parameters).AsAsyncEnumerable()
            .WithCancellation(ct)) yield return row;
    }

    public static Task<List<T>> ListAsync<T>(this DialerDb db, string sql, CancellationToken ct,
        params NpgsqlParameter[] parameters) =>
        db.Database.SqlQueryRaw<T>(sql, parameters).ToListAsync(ct);

    public static NpgsqlParameter P(string name, object? value) => new(name, value ?? DBNull.Value);
}
