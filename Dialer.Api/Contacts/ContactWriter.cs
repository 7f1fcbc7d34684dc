using System.Diagnostics;
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
/// no connection while it waits for the client. Batches of one upload may be written at once on connections of their
/// own: the file's duplicates are gone before they get here, so two never insert the same number.
/// </summary>
public sealed class ContactWriter(DialerDb db)
{
    static readonly string MoveSql = $"""
        WITH inserted AS (
          INSERT INTO contacts (campaign_id, phone, name, time_zones, stated_jurisdiction, custom_fields, phone_kind,
            numbers, status, attempts, next_attempt_at, created_at, priority)
          SELECT @campaign, s.phone, s.name, s.time_zones, s.stated_jurisdiction, s.custom_fields, s.phone_kind,
                 s.numbers,
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

    /// <summary>
    /// The rows' consents, onto their contacts (new, or already in the campaign from an earlier list); one already
    /// recorded is not recorded twice. A contact set aside for want of consent is due again.
    /// </summary>
    static readonly string ConsentsSql = $"""
        WITH added AS (
          INSERT INTO contact_consents (contact_id, campaign_id, kind, source, given_at, valid_until, text, reference,
            recorded_at, recorded_by)
          SELECT c.id, @campaign, k.kind, s.consent_source, s.consent_at, s.consent_until, s.consent_text,
                 s.consent_reference, @now, 'import'
          FROM contact_import s
          JOIN contacts c ON c.campaign_id = @campaign AND c.phone = s.phone
          CROSS JOIN LATERAL unnest(s.consent_kinds) AS k(kind)
          WHERE s.consent_kinds IS NOT NULL
          ON CONFLICT (contact_id, kind, given_at) DO NOTHING
          RETURNING contact_id),
        revived AS ({Contact.ConsentRecordedSql("id IN (SELECT contact_id FROM added)")})
        SELECT count(*)::int FROM added;
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

    /// <param name="now">the rows' created and due time: batches written at once take increasing times in file
    /// order, so that the dialing order (due time, then id) stays the file's</param>
    public async Task<(int Inserted, int Suppressed, int Consents)> WriteAsync(Guid campaignId,
        IReadOnlyList<ContactRow> rows, DateTimeOffset now, ImportTimings timings, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var started = Stopwatch.GetTimestamp();
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var create = new NpgsqlCommand("CREATE TEMP TABLE contact_import "
            + $"({ContactRowCopy.Declared}, consent_kinds text[], consent_source text, consent_at timestamptz, "
            + "consent_text text, consent_reference text, consent_until timestamptz) "
            + "ON COMMIT DROP",
            connection, tx))
            await create.ExecuteNonQueryAsync(ct);
        await using (var copy = await connection.BeginBinaryImportAsync(
            $"COPY contact_import ({ContactRowCopy.Columns}, consent_kinds, "
            + "consent_source, consent_at, consent_text, consent_reference, consent_until) "
            + "FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var r in rows)
            {
                await copy.StartRowAsync(ct);
                await ContactRowCopy.WriteAsync(copy, r, ct);
                await WriteConsentAsync(copy, r.Consent, ct);
            }
            await copy.CompleteAsync(ct);
        }
        timings.AddCopy(started);
        started = Stopwatch.GetTimestamp();

        int inserted, suppressed;
        await using (var move = new NpgsqlCommand(MoveSql, connection, tx))
        {
            move.Parameters.AddWithValue("campaign", campaignId);
            move.Parameters.AddWithValue("now", now);
            await using var reader = await move.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            (inserted, suppressed) = (reader.GetInt32(reader.GetOrdinal("inserted")),
                reader.GetInt32(reader.GetOrdinal("suppressed")));
        }
        timings.AddInsert(started);
        started = Stopwatch.GetTimestamp();
        var consents = 0;
        if (rows.Any(r => r.Consent is not null))
        {
            await using var record = new NpgsqlCommand(ConsentsSql, connection, tx);
            record.Parameters.AddWithValue("campaign", campaignId);
            record.Parameters.AddWithValue("now", now);
            consents = (int)(await record.ExecuteScalarAsync(ct))!;
            timings.AddConsents(started);
            started = Stopwatch.GetTimestamp();
        }
        await tx.CommitAsync(ct);
        timings.AddCommit(started);
        return (inserted, suppressed, consents);
    }

    async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(ct);
        return connection;
    }

    static async Task WriteConsentAsync(NpgsqlBinaryImporter copy, ConsentRow? c, CancellationToken ct)
    {
        if (c is null)
        {
            for (var i = 0; i < 6; i++) await copy.WriteNullAsync(ct);
            return;
        }
        await copy.WriteAsync(c.Kinds, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
        await copy.WriteAsync(c.Source, NpgsqlDbType.Text, ct);
        await copy.WriteAsync(c.GivenAt, NpgsqlDbType.TimestampTz, ct);
        await ContactRowCopy.WriteNullableAsync(copy, c.Text, NpgsqlDbType.Text, ct);
        await ContactRowCopy.WriteNullableAsync(copy, c.Reference, NpgsqlDbType.Text, ct);
        if (c.ValidUntil is { } until) await copy.WriteAsync(until, NpgsqlDbType.TimestampTz, ct);
        else await copy.WriteNullAsync(ct);
    }
}
