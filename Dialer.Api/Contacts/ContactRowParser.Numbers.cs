using System.Text.Json;
using Dialer.Core.Compliance;
using Dialer.Core.Contacts;
using Dialer.Core.Data;

namespace Dialer.Api.Contacts;

/// <summary>A row's numbers: each read as the main one always was; the row stands while one of them is good.</summary>
public sealed partial class ContactRowParser
{
    readonly record struct Parsed(string Kind, string Phone, string[] Zones);

    bool TryNumbers(IReadOnlyList<string> fields, out List<Parsed> numbers, out (string, string)[]? bad,
        out string reason)
    {
        numbers = new List<Parsed>(1);
        List<(string, string)>? problems = null;
        string? firstReason = null;
        foreach (var (index, kind) in columns.NumberColumns)
        {
            var raw = At(fields, index);
            if (raw.Length == 0) continue;
            if (!Phones.TryNormalize(raw, defaultRegion, out var e164, out var zones, out var why))
            {
                firstReason ??= why;
                (problems ??= []).Add(($"column {index + 1} ({ColumnName(index)})", why));
            }
            else if (!numbers.Exists(n => n.Phone == e164)) numbers.Add(new Parsed(kind, e164, zones));
        }
        bad = problems?.ToArray();
        reason = numbers.Count > 0 ? "" : firstReason ?? "no phone number";
        return numbers.Count > 0;
    }

    /// <summary>The number dialed first, its kind and zones, and every number as JSON when there are several.
    /// </summary>
    (string Phone, string? Kind, string[] Zones, string? Json) Dialed(List<Parsed> numbers, string? stated)
    {
        var all = numbers.Select(n => new ContactNumber
        {
            Kind = n.Kind, Phone = n.Phone, TimeZones = ContactZones.Of(n.Zones, stated),
        }).ToList();
        var first = NumberKinds.InOrder(all, numberOrder).First();
        var kind = columns.Numbers is null ? null : first.Kind;
        return (first.Phone, kind, first.TimeZones,
            all.Count > 1 ? JsonSerializer.Serialize(all, DialerJson.Options) : null);
    }
}
