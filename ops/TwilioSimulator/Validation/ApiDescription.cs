using System.Text.Json;

namespace Dialer.TwilioSimulator.Validation;

/// <summary>
/// Twilio's OpenAPI description of its 2010-04-01 API (<c>ops/twilio/twilio_api_v2010.json</c>, built into this
/// assembly), read once into the operations every request is checked against.
/// </summary>
public sealed class ApiDescription
{
    public const string ResourceName = "twilio_api_v2010.json";
    static readonly string[] Methods = ["get", "post", "delete", "put", "patch"];

    static readonly Lazy<ApiDescription> Embedded = new(() =>
    {
        using var json = typeof(ApiDescription).Assembly.GetManifestResourceStream(ResourceName)
                         ?? throw new InvalidOperationException($"{ResourceName} is not built into the simulator");
        return Load(json).With(DescriptionGaps.Operations);
    });

    readonly IReadOnlyList<ApiOperation> _operations;
    readonly IReadOnlyList<IGrouping<PathTemplate, ApiOperation>> _paths;

    ApiDescription(IReadOnlyList<ApiOperation> operations)
    {
        _operations = operations;
        _paths = operations.GroupBy(o => o.Path).OrderByDescending(p => p.Key.LiteralLength).ToArray();
    }

    /// <summary>Twilio's description with the few documented gaps filled (see <see cref="DescriptionGaps"/>).</summary>
    public static ApiDescription Twilio => Embedded.Value;

    public static ApiDescription Load(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var components = root.GetProperty("components").GetProperty("schemas");
        var patterns = new RegexCache();
        var operations = new List<ApiOperation>();
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            var template = new PathTemplate(path.Name);
            foreach (var method in path.Value.EnumerateObject().Where(m => Methods.Contains(m.Name)))
                operations.Add(Read(method.Name.ToUpperInvariant(), template, method.Value, components, patterns));
        }
        return new ApiDescription(operations);
    }

    public ApiDescription With(Func<ApiDescription, IEnumerable<ApiOperation>> extra) =>
        new([.. _operations, .. extra(this)]);

    public ApiOperation? Find(string method, string template) =>
        _operations.FirstOrDefault(o => o.Method == method && o.Path.Template == template);

    /// <summary>The operations whose path has the shape of <paramref name="path"/>, most literal path first.</summary>
    public IEnumerable<(ApiOperation Operation, string[] Values)> Matching(string path)
    {
        foreach (var operations in _paths)
        {
            if (operations.Key.Match(path) is not { } values) continue;
            foreach (var operation in operations) yield return (operation, values);
        }
    }

    static ApiOperation Read(string method, PathTemplate path, JsonElement operation, JsonElement components,
        RegexCache patterns)
    {
        var parameters = operation.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToArray() : [];
        Dictionary<string, ParameterSchema> In(string place) => parameters
            .Where(p => p.GetProperty("in").GetString() == place)
            .ToDictionary(p => p.GetProperty("name").GetString()!,
                p => ParameterSchema.Read(p.GetProperty("schema"), components, patterns), StringComparer.Ordinal);
        var requiredQuery = parameters
            .Where(p => p.GetProperty("in").GetString() == "query")
            .Where(p => p.TryGetProperty("required", out var r) && r.GetBoolean())
            .Select(p => p.GetProperty("name").GetString()!).ToHashSet(StringComparer.Ordinal);

        var contentTypes = new List<string>();
        var form = new Dictionary<string, ParameterSchema>(StringComparer.Ordinal);
        var required = new HashSet<string>(StringComparer.Ordinal);
        if (operation.TryGetProperty("requestBody", out var body))
        {
            foreach (var content in body.GetProperty("content").EnumerateObject())
            {
                contentTypes.Add(content.Name);
                var schema = content.Value.GetProperty("schema");
                if (schema.TryGetProperty("properties", out var properties))
                    foreach (var field in properties.EnumerateObject())
                        form[field.Name] = ParameterSchema.Read(field.Value, components, patterns);
                if (schema.TryGetProperty("required", out var names))
                    required.UnionWith(names.EnumerateArray().Select(n => n.GetString()!));
            }
        }
        return new ApiOperation(method, path, In("path"), In("query"), requiredQuery, contentTypes, form, required);
    }
}
