using Npgsql;
using NpgsqlTypes;

namespace Dialer.Api.Contacts;

/// <summary>A contact row's own columns in a binary COPY, in the order both staging tables declare them: phone, name,
/// time_zones, stated_jurisdiction, custom_fields.</summary>
static class ContactRowCopy
{
    public const string Columns = "phone, name, time_zones, stated_jurisdiction, custom_fields";

    public static async Task WriteAsync(NpgsqlBinaryImporter copy, ContactRow r, CancellationToken ct)
    {
        await copy.WriteAsync(r.Phone, NpgsqlDbType.Text, ct);
        await WriteNullableAsync(copy, r.Name, NpgsqlDbType.Text, ct);
        await copy.WriteAsync(r.TimeZones, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
        await WriteNullableAsync(copy, r.StatedJurisdiction, NpgsqlDbType.Text, ct);
        await WriteNullableAsync(copy, r.CustomFields, NpgsqlDbType.Jsonb, ct);
    }

    public static Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type,
        CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, type, ct);
}
