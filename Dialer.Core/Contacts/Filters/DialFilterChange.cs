using System.Text.Json;
using Dialer.Core.Data;

namespace Dialer.Core.Contacts.Filters;

/// <summary>A campaign's dial filter set or changed: whether it did, and the history's line for it.</summary>
public static class DialFilterChange
{
    public static bool Differs(ColumnCondition[] before, ColumnCondition[] after) =>
        JsonSerializer.Serialize(before, DialerJson.Options) != JsonSerializer.Serialize(after, DialerJson.Options);

    public static string Describe(ColumnCondition[] filter, int filtered, int back) =>
        (filter.Length == 0 ? "dial filter removed" : $"dial filter {string.Join(" and ", filter)}")
        + $": {filtered} waiting contacts filtered out, {back} let back in";
}
