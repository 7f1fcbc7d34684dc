using System.Diagnostics;
using Dialer.Api.Contacts;
using Dialer.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Dialer.Api.Lists;

/// <summary>
/// A list's rows as the import's destination: each batch by binary COPY into a staging table, then into
/// contact_list_rows, a number the list holds already dropped. Do-not-call is not judged here but when the list is
/// attached to a campaign (an entry may bind one campaign only) and again at every claim. Consent columns are not
/// kept: a list's contacts get their consents in the campaign (Dialer.Api/Contacts/ConsentsApi).
/// </summary>
public sealed class ListRows(DialerDb db, Guid listId) : IContactRowSink
{
    public string Holder => "A list";

    public Guid Id => listId;

    public string[]? NumberOrder => null; // the campaign's order picks the first number when the list is attached

    public async Task<int> CountAsync(CancellationToken ct) =>
        await db.ContactListRows.CountAsync(r => r.ListId == listId, ct);

    public async Task<(int Inserted, int Suppressed, int Consents)> WriteAsync(IReadOnlyList<ContactRow> rows,
        DateTimeOffset now, ImportTimings timings, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var create = new NpgsqlCommand(
            $"CREATE TEMP TABLE list_import (ord int, {ContactRowCopy.Declared}) ON COMMIT DROP", connection, tx))
            await create.ExecuteNonQueryAsync(ct);
        await using (var copy = await connection.BeginBinaryImportAsync(
            $"COPY list_import (ord, {ContactRowCopy.Columns}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var r in rows)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(r.Line, NpgsqlDbType.Integer, ct);
                await ContactRowCopy.WriteAsync(copy, r, ct);
            }
            await copy.CompleteAsync(ct);
        }
        timings.AddCopy(started);
        started = Stopwatch.GetTimestamp();
        await using var move = new NpgsqlCommand("""
            WITH inserted AS (
              INSERT INTO contact_list_rows (list_id, phone, name, time_zones, stated_jurisdiction, custom_fields,
                phone_kind, numbers)
              SELECT @list, phone, name, time_zones, stated_jurisdiction, custom_fields, phone_kind, numbers
              FROM list_import ORDER BY ord
              ON CONFLICT (list_id, phone) DO NOTHING
              RETURNING 1)
            SELECT count(*)::int FROM inserted
            """, connection, tx);
        move.Parameters.AddWithValue("list", listId);
        var inserted = (int)(await move.ExecuteScalarAsync(ct))!;
        timings.AddInsert(started);
        started = Stopwatch.GetTimestamp();
        await tx.CommitAsync(ct);
        timings.AddCommit(started);
        return (inserted, 0, 0);
    }
}
