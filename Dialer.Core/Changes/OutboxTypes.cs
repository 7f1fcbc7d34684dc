using System.Collections.Concurrent;
using System.Text.Json;

namespace Dialer.Core.Changes;

/// <summary>How an event is written in the outbox and read back: its type by name, its body as plain JSON.</summary>
static class OutboxTypes
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);
    static readonly ConcurrentDictionary<string, Type?> Known = new();

    public static string NameOf(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    /// <returns>the type, or null when no assembly of this process has it</returns>
    public static Type? Find(string name) => Known.GetOrAdd(name, n => Type.GetType(n, throwOnError: false));
}
