using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Dialer.Core.Data;

/// <summary>
/// New rows of one entity type in one statement (INSERT … SELECT FROM unnest, one array per column) where SaveChanges
/// would send one INSERT per row: a claim of a hundred lines writes a hundred attempts and a hundred outbox rows. Every
/// mapped column gets the value SaveChanges would write, through the same value converters; a column the database
/// generates (an identity) is left to it. The rows are not tracked. Rows go in list order, so identities follow it.
/// </summary>
public static class BulkInsert
{
    public static async Task<int> ExecuteAsync<T>(DialerDb db, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        if (rows.Count == 0) return 0;
        var (sql, parameters) = Statement(db, rows);
        return await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
    }

    /// <summary>The statement alone, to send with others in one round trip; its parameters are named c0, c1, ….
    /// </summary>
    public static (string Sql, NpgsqlParameter[] Parameters) Statement<T>(DialerDb db, IReadOnlyList<T> rows)
        where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity of the model");
        if (entity.GetNavigations().Any(n => n.TargetEntityType.IsOwned()) || entity.GetComplexProperties().Any())
            throw new NotSupportedException($"{typeof(T).Name}: owned or complex properties are not bulk inserted");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never).ToList();

        var parameters = columns.Select((p, i) => new NpgsqlParameter($"c{i}", Values(p, rows))).ToArray();
        var names = string.Join(", ", columns.Select(p => Quote(p.GetColumnName(table)!)));
        var casts = string.Join(", ", columns.Select((p, i) => $"u.c{i}::{p.GetColumnType(table)}"));
        var arrays = string.Join(", ", parameters.Select(p => "@" + p.ParameterName));
        var cols = string.Join(", ", columns.Select((_, i) => $"c{i}"));
        var sql = $"""
            INSERT INTO {Quote(table.Name)} ({names})
            SELECT {casts} FROM unnest({arrays}) WITH ORDINALITY AS u({cols}, ord) ORDER BY u.ord
            """;
        return (sql, parameters);
    }

    /// <summary>One column's values as a typed array of what the provider is sent.</summary>
    static Array Values<T>(IProperty property, IReadOnlyList<T> rows) where T : class
    {
        var converter = property.GetTypeMapping().Converter;
        var type = converter?.ProviderClrType ?? property.ClrType;
        if (type != typeof(byte[]) && type.IsArray)
            throw new NotSupportedException($"{property.Name}: array columns are not bulk inserted");
        if (type.IsValueType && property.IsNullable && Nullable.GetUnderlyingType(type) is null)
            type = typeof(Nullable<>).MakeGenericType(type);
        var getter = property.GetGetter();
        var values = Array.CreateInstance(type, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var value = getter.GetClrValue(rows[i]);
            if (value is not null && converter is not null) value = converter.ConvertToProvider(value);
            values.SetValue(value is DateTimeOffset at ? at.ToUniversalTime() : value, i);
        }
        return values;
    }

    static string Quote(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";
}
