using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;
using YamlScalar = YamlDotNet.Core.Events.Scalar;

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

    /// <summary>The first document, read event by event: anchors and aliases are refused (an alias can refer to
    /// itself or multiply into a bomb), and depth and node count are capped.</summary>
    /// <exception cref="YamlException">the text is not YAML, or not a plain tree of a sensible size</exception>
    public static JsonNode? Read(TextReader text, int maxDepth = 32, int maxNodes = 100_000)
    {
        var parser = new Parser(text);
        parser.Consume<StreamStart>();
        if (parser.Accept<StreamEnd>(out _)) return null;
        parser.Consume<DocumentStart>();
        var nodes = 0;
        return ReadNode(parser, 1, maxDepth, maxNodes, ref nodes);
    }

    static JsonNode? ReadNode(IParser parser, int depth, int maxDepth, int maxNodes, ref int nodes)
    {
        var start = parser.Current!;
        if (start is AnchorAlias alias)
            throw new YamlException(alias.Start, alias.End,
                $"An alias (*{alias.Value}) is not part of a campaign document.");
        if (start is NodeEvent { Anchor.IsEmpty: false } anchored)
            throw new YamlException(anchored.Start, anchored.End,
                $"An anchor (&{anchored.Anchor}) is not part of a campaign document: anchors and aliases are refused.");
        if (depth > maxDepth)
            throw new YamlException(start.Start, start.End,
                $"The document is nested too deep (more than {maxDepth} levels).");
        if (++nodes > maxNodes)
            throw new YamlException(start.Start, start.End,
                $"The document has too many values (more than {maxNodes}).");

        switch (start)
        {
            case YamlScalar scalar:
                parser.MoveNext();
                return scalar.Style == ScalarStyle.Plain ? Plain(scalar.Value) : JsonValue.Create(scalar.Value);
            case SequenceStart:
                parser.MoveNext();
                var array = new JsonArray();
                while (!parser.TryConsume<SequenceEnd>(out _))
                    array.Add(ReadNode(parser, depth + 1, maxDepth, maxNodes, ref nodes));
                return array;
            case MappingStart:
                parser.MoveNext();
                var map = new JsonObject();
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    if (parser.Current is not YamlScalar key)
                        throw new YamlException(parser.Current!.Start, parser.Current.End,
                            "A key must be a plain name.");
                    if (map.ContainsKey(key.Value))
                        throw new YamlException(key.Start, key.End, $"The key '{key.Value}' is given twice.");
                    parser.MoveNext();
                    map[key.Value] = ReadNode(parser, depth + 1, maxDepth, maxNodes, ref nodes);
                }
                return map;
            default:
                throw new YamlException(start.Start, start.End,
                    $"Unexpected {start.GetType().Name} in a campaign document.");
        }
    }

    static YamlNode ToYaml(JsonNode? node) => node switch
    {
        JsonObject o => new YamlMappingNode(
            o.Select(p => new KeyValuePair<YamlNode, YamlNode>(new YamlScalarNode(p.Key), ToYaml(p.Value)))),
        JsonArray a => new YamlSequenceNode(a.Select(ToYaml)),
        null => new YamlScalarNode("null"),
        JsonValue v when v.TryGetValue<string>(out var s) =>
            new YamlScalarNode(s)
            {
                Style = s.Contains('\n') ? ScalarStyle.Literal
                    : NeedsQuotes(s) ? ScalarStyle.DoubleQuoted : ScalarStyle.Plain
            },
        _ => new YamlScalarNode(node.ToJsonString()),
    };

    // An unquoted scalar is a number, a boolean or null when it reads as one (YAML 1.2's core schema).
    static JsonNode? Plain(string value)
    {
        if (value is "" or "~" or "null" or "Null" or "NULL") return null;
        if (value is "true" or "True" or "TRUE") return JsonValue.Create(true);
        if (value is "false" or "False" or "FALSE") return JsonValue.Create(false);
        // a phone number written without quotes (callerId: +14155550100) is the number it spells, not a count
        if (E164().IsMatch(value)) return JsonValue.Create(value);
        if (Number().IsMatch(value)) return JsonNode.Parse(value.TrimStart('+'));
        return JsonValue.Create(value);
    }

    static bool NeedsQuotes(string s) =>
        !SafePlain().IsMatch(s) || Plain(s) is not JsonValue v || !v.TryGetValue<string>(out _)
        || s is "yes" or "no" or "on" or "off" or "Yes" or "No" or "On" or "Off";

    [GeneratedRegex(@"^[-+]?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$")]
    private static partial Regex Number();

    [GeneratedRegex(@"^\+[1-9][0-9]{7,14}$")]
    private static partial Regex E164();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9 _.\-/]*$")]
    private static partial Regex SafePlain();
}
