using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Dialer.Core.Figures;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Dialer.Api.Contacts;

/// <summary>
/// Writes contact rows with PostgreSQL's binary COPY into a staging table, then moves them into
/// contacts in one statement that drops numbers the campaign already has and suppresses do-not-call numbers.
/// Each batch takes a pooled connection, commits and gives it back: an upload that arrives slowly holds
/// no connection while it waits for the client.
/// </summary>
public sealed class ContactWriter(DialerDb db, TimeProvider clock)
{
    static readonly string MoveSql = $"""
        WITH inserted AS (
          INSERT INTO contacts (campaign_id, phone, name, time_zones, stated_jurisdiction, custom_fields, status,
            attempts, next_attempt_at, created_at, priority)
          SELECT @campaign, s.phone, s.name, s.time_zones, s.stated_jurisdiction, s.custom_fields,
                 CASE WHEN EXISTS (SELECT 1 FROM do_not_call d WHERE
                   {DoNotCallMatch.BindsSql("d", "s.phone", "@campaign")})
                      THEN '{ContactStatus.Suppressed}' ELSE '{ContactStatus.Pending}' END,
                 0, @now, @now, 2
          FROM contact_import s
          ON CONFLICT (campaign_id, phone) DO NOTHING
          RETURNING status)
        SELECT count(*)::int AS inserted, (count(*) FILTER (WHERE status = '{ContactStatus.Suppressed}'))::int
          AS suppressed
          FROM inserted;
        """;

    /// <summary>How many contacts the campaign holds now.</summary>
    public async Task<int> CountAsync(Guid campaignId, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var count = new NpgsqlCommand(
            "SELECT count(*)::int FROM contacts WHERE campaign_id = @campaign", connection);
        count.Parameters.AddWithValue("campaign", campaignId);
        return (int)(await count.ExecuteScalarAsync(ct))!;
    }

    public async Task<(int Inserted, int Suppressed)> WriteAsync(Guid campaignId, IReadOnlyList<ContactRow> rows,
        CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var create = new NpgsqlCommand("CREATE TEMP TABLE contact_import "
            + "(phone text, name text, time_zones text[], stated_jurisdiction text, custom_fields jsonb) "
            + "ON COMMIT DROP",
            connection, tx))
            await create.ExecuteNonQueryAsync(ct);
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY contact_import (phone, name, time_zones, stated_jurisdiction, custom_fields) "
            + "FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var r in rows)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(r.Phone, NpgsqlDbType.Text, ct);
                await WriteNullableAsync(copy, r.Name, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(r.TimeZones, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
                await WriteNullableAsync(copy, r.StatedJurisdiction, NpgsqlDbType.Text, ct);
                await WriteNullableAsync(copy, r.CustomFields, NpgsqlDbType.Jsonb, ct);
            }
            await copy.CompleteAsync(ct);
        }

        int inserted, suppressed;
        await using (var move = new NpgsqlCommand(MoveSql, connection, tx))
        {
            move.Parameters.AddWithValue("campaign", campaignId);
            move.Parameters.AddWithValue("now", clock.GetUtcNow());
            await using var reader = await move.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            (inserted, suppressed) = (reader.GetInt32(reader.GetOrdinal("inserted")),
                reader.GetInt32(reader.GetOrdinal("suppressed")));
        }
        await tx.CommitAsync(ct);
        return (inserted, suppressed);
    }

    async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(ct);
        return connection;
    }

    static Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, type, ct);
}
