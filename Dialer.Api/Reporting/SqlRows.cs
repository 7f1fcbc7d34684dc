using System.Data.Common;
using System.Runtime.CompilerServices;
using Dialer.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dialer.Api.Reporting;

/// <summary>
/// Reports are aggregates and long scans that EF's LINQ says poorly: plain SQL over the DbContext's own
/// connection, rows read one at a time as they arrive, so a campaign of a million contacts streams.
/// </summary>
public static class SqlRows
{
    public static async IAsyncEnumerable<T> QueryAsync<T>(this DialerDb db, string sql, Func<DbDataReader, T> row,
        [EnumeratorCancellation] CancellationToken ct, params NpgsqlParameter[] parameters)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddRange(parameters);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) yield return row(reader);
        }
        finally { await db.Database.CloseConnectionAsync(); }
    }

    public static async Task<List<T>> ListAsync<T>(this DialerDb db, string sql, Func<DbDataReader, T> row, CancellationToken ct,
        params NpgsqlParameter[] parameters)
    {
        var rows = new List<T>();
        await foreach (var r in db.QueryAsync(sql, row, ct, parameters)) rows.Add(r);
        return rows;
    }

    public static NpgsqlParameter P(string name, object? value) => new(name, value ?? DBNull.Value);

    public static string? Text(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetValue(i).ToString();
    public static long Long(this DbDataReader r, int i) => r.IsDBNull(i) ? 0 : Convert.ToInt64(r.GetValue(i));
    public static double? Double(this DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToDouble(r.GetValue(i));
    public static DateTimeOffset? Time(this DbDataReader r, int i) =>
        r.IsDBNull(i) ? null : new DateTimeOffset(DateTime.SpecifyKind(r.GetDateTime(i), DateTimeKind.Utc));
}
