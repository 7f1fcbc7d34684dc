using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Dialer.Api.Campaigns.Documents;

/// <summary>
/// YAML as another spelling of the same JSON document: the JSON shape (and so the validator's field
/// paths) stays the single definition, and YAML only changes how it is written.
/// </summary>
public static partial class YamlJson
{
    public static string Write(JsonNode node)
    {
        var stream = new YamlStream(new YamlDocument(ToYaml(node)));
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        var text = writer.ToString();
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    /// <exception cref="YamlException">the text is not YAML</exception>
    public static JsonNode? Read(TextReader text)
    {
        var stream = new YamlStream();
        stream.Load(text);
        return stream.Documents.Count == 0 ? null : ToJson(stream.Documents[0].RootNode);
    }

    static YamlNode ToYaml(JsonNode? node) => node switch
    {
        JsonObject o => new YamlMappingNode(o.Select(p => new KeyValuePair<YamlNode, YamlNode>(new YamlScalarNode(p.Key), ToYaml(p.Value)))),
        JsonArray a => new YamlSequenceNode(a.Select(ToYaml)),
        null => new YamlScalarNode("null"),
        JsonValue v when v.TryGetValue<string>(out var s) => new YamlScalarNode(s) { Style = s.Contains('\n') ? ScalarStyle.Literal : NeedsQuotes(s) ? ScalarStyle.DoubleQuoted : ScalarStyle.Plain },
        _ => new YamlScalarNode(node.ToJsonString()),
    };

    static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode m => new JsonObject(m.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value ?? "", ToJson(c.Value)))),
        YamlSequenceNode s => new JsonArray(s.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Style: ScalarStyle.Plain } p => Plain(p.Value ?? ""),
        YamlScalarNode q => JsonValue.Create(q.Value ?? ""),
        _ => throw new YamlException(node.Start, node.End, "Aliases and tags are not part of a campaign document."),
    };

    // An unquoted scalar is a number, a boolean or null when it reads as one (YAML 1.2's core schema).
    static JsonNode? Plain(string value)
    {
        if (value is "" or "~" or "null" or "Null" or "NULL") return null;
        if (value is "true" or "True" or "TRUE") return JsonValue.Create(true);
        if (value is "false" or "False" or "FALSE") return JsonValue.Create(false);
        if (Number().IsMatch(value)) return JsonNode.Parse(value.TrimStart('+'));
        return JsonValue.Create(value);
    }

    static bool NeedsQuotes(string s) => !SafePlain().IsMatch(s) || Plain(s) is not JsonValue v || !v.TryGetValue<string>(out _)
        || s is "yes" or "no" or "on" or "off" or "Yes" or "No" or "On" or "Off";

    [GeneratedRegex(@"^[-+]?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$")]
    private static partial Regex Number();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9 _.\-/]*$")]
    private static partial Regex SafePlain();
}
