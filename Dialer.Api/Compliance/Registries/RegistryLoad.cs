using Dialer.Core.Compliance.Registries;
using Dialer.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Dialer.Api.Compliance.Registries;

/// <summary>
/// One registry copy on its way in, in one transaction on a connection of its own: the list row (inactive), the
/// numbers by binary COPY into a staging table as they are read, then, at the end, the numbers moved in without
/// duplicates, the copy made active and the older copy of the same registry deleted. Until that commit nobody sees
/// the new copy; after it nobody sees the old one: the replacement is atomic. Disposed without a commit, it leaves
/// nothing behind.
/// </summary>
public sealed class RegistryLoad : IAsyncDisposable
{
    readonly NpgsqlConnection _connection;
    readonly NpgsqlTransaction _tx;
    readonly RegistryList _list;
    NpgsqlBinaryImporter? _copy;

    RegistryLoad(NpgsqlConnection connection, NpgsqlTransaction tx, RegistryList list) =>
        (_connection, _tx, _list) = (connection, tx, list);

    public static async Task<RegistryLoad> BeginAsync(DialerDb db, RegistryList list, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(ct);
        var tx = await connection.BeginTransactionAsync(ct);
        var load = new RegistryLoad(connection, tx, list);
        await load.ExecuteAsync("CREATE TEMP TABLE registry_load (phone text) ON COMMIT DROP", ct);
        load._copy = await connection.BeginBinaryImportAsync("COPY registry_load (phone) FROM STDIN (FORMAT BINARY)",
            ct);
        return load;
    }

    public async ValueTask AddAsync(string e164, CancellationToken ct)
    {
        await _copy!.StartRowAsync(ct);
        await _copy.WriteAsync(e164, NpgsqlDbType.Text, ct);
    }

    /// <returns>the distinct numbers loaded (none: nothing committed) and whether an older copy was replaced</returns>
    public async Task<(int Numbers, bool Replaced)> CommitAsync(int rejected, CancellationToken ct)
    {
        await _copy!.CompleteAsync(ct);
        await _copy.DisposeAsync();
        _copy = null;
        // two uploads of one registry at once: the second waits here, then replaces the first
        await ExecuteAsync("SELECT pg_advisory_xact_lock(hashtext(@key))", ct, ("key", Key));
        await ExecuteAsync("""
            INSERT INTO registry_lists (id, team_id, name, jurisdiction, downloaded_on, uploaded_at, uploaded_by,
              numbers, rejected, active)
            VALUES (@id, @team, @name, @jurisdiction, @on, @at, @by, 0, @rejected, false)
            """, ct, ("id", _list.Id), ("team", (object?)_list.TeamId ?? DBNull.Value), ("name", _list.Name),
            ("jurisdiction", _list.Jurisdiction), ("on", _list.DownloadedOn), ("at", _list.UploadedAt),
            ("by", (object?)_list.UploadedBy ?? DBNull.Value), ("rejected", rejected));
        var numbers = await ExecuteAsync("""
            INSERT INTO registry_numbers (phone, list_id) SELECT DISTINCT phone, @id FROM registry_load
            """, ct, ("id", _list.Id));
        if (numbers == 0) return (0, false);
        await ExecuteAsync("UPDATE registry_lists SET numbers = @n, active = true WHERE id = @id", ct,
            ("n", numbers), ("id", _list.Id));
        var replaced = await ExecuteAsync("""
            DELETE FROM registry_lists WHERE id <> @id AND team_id IS NOT DISTINCT FROM @team
              AND jurisdiction = @jurisdiction AND lower(name) = lower(@name)
            """, ct, ("id", _list.Id), ("team", (object?)_list.TeamId ?? DBNull.Value),
            ("jurisdiction", _list.Jurisdiction), ("name", _list.Name));
        await _tx.CommitAsync(ct);
        return (numbers, replaced > 0);
    }

    string Key => $"registry:{_list.TeamId}:{_list.Jurisdiction}:{_list.Name.ToLowerInvariant()}";

    async Task<int> ExecuteAsync(string sql, CancellationToken ct, params (string Name, object Value)[] values)
    {
        await using var command = new NpgsqlCommand(sql, _connection, _tx);
        foreach (var (name, value) in values) command.Parameters.AddWithValue(name, value);
        return await command.ExecuteNonQueryAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_copy is not null)
            try { await _copy.DisposeAsync(); } catch (NpgsqlException) { } // the copy is cancelled with the rollback
        await _tx.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
