using Npgsql;
using NpgsqlTypes;

namespace Dialer.Api.Contacts;

/// <summary>A contact row's own columns in a binary COPY, in the order both staging tables declare them: phone, name,
/// time_zones, stated_jurisdiction, custom_fields, phone_kind, numbers.</summary>
static class ContactRowCopy
{
    public const string Columns = "phone, name, time_zones, stated_jurisdiction, custom_fields, phone_kind, numbers";

    /// <summary>The staging table's declaration of <see cref="Columns"/>.</summary>
    public const string Declared = "phone text, name text, time_zones text[], stated_jurisdiction text, "
        + "custom_fields jsonb, phone_kind text, numbers jsonb";

    public static async Task WriteAsync(NpgsqlBinaryImporter copy, ContactRow r, CancellationToken ct)
    {
        await copy.WriteAsync(r.Phone, NpgsqlDbType.Text, ct);
        await WriteNullableAsync(copy, r.Name, NpgsqlDbType.Text, ct);
        await copy.WriteAsync(r.TimeZones, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
        await WriteNullableAsync(copy, r.StatedJurisdiction, NpgsqlDbType.Text, ct);
        await WriteNullableAsync(copy, r.CustomFields, NpgsqlDbType.Jsonb, ct);
        await WriteNullableAsync(copy, r.PhoneKind, NpgsqlDbType.Text, ct);
        await WriteNullableAsync(copy, r.Numbers, NpgsqlDbType.Jsonb, ct);
    }

    public static Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type,
        CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, type, ct);
}
