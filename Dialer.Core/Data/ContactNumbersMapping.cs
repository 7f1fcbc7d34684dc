using System.Text.Json;
using Dialer.Core.Contacts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dialer.Core.Data;

/// <summary>
/// A contact's numbers as one jsonb column beside it: they are always read with the contact and changed under its row
/// lock, so the claim reads no other table and the import writes no second row per contact.
/// </summary>
static class ContactNumbersMapping
{
    public static void Map(PropertyBuilder<List<ContactNumber>?> property) =>
        property.HasColumnType("jsonb").HasConversion(
            n => n == null ? null : JsonSerializer.Serialize(n, DialerJson.Options),
            json => json == null ? null : JsonSerializer.Deserialize<List<ContactNumber>>(json, DialerJson.Options),
            new ValueComparer<List<ContactNumber>?>(
                (a, b) => Json(a) == Json(b), n => Json(n).GetHashCode(),
                n => n == null ? null : n.ToList()));

    static string Json(List<ContactNumber>? n) => n is null ? "" : JsonSerializer.Serialize(n, DialerJson.Options);
}
