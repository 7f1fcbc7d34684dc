using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dialer.Core.Data;

/// <summary>One JSON shape everywhere: camelCase, enums by name.</summary>
public static class DialerJson
{
    public static readonly JsonSerializerOptions Options =
        Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions o)
    {
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        o.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        return o;
    }
}
