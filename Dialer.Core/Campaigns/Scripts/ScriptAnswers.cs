using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dialer.Core.Campaigns.Scripts;

/// <summary>
/// What the agent filled in during the call, checked against the script's fields and kept on the attempt as a JSON
/// object (field key → text, choice, true/false or number). Errors are keyed <c>fields.{key}</c>.
/// </summary>
public static class ScriptAnswers
{
    /// <summary>A do-not-call or wrong-number call ends the conversation: no field is required then, so nothing ever
    /// stands between a customer's opt-out and the list.</summary>
    public static bool RequiresFields(string disposition) =>
        !Dispositions.IsDoNotCall(disposition) && !Dispositions.IsWrongNumber(disposition);

    public static (string? Json, Dictionary<string, string[]> Errors) Check(
        IReadOnlyList<ScriptField> fields, IReadOnlyDictionary<string, JsonElement>? given, string disposition)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        given ??= new Dictionary<string, JsonElement>();
        if (given.Count > ScriptCheck.MaxFields)
            return (null, new() { ["fields"] = [$"At most {ScriptCheck.MaxFields} fields."] });
        foreach (var key in given.Keys.Where(k => !fields.Any(f => f.Key == k)))
            errors[$"fields.{Short(key)}"] = ["Not a field of the campaign's script."];

        var answers = new JsonObject();
        foreach (var field in fields)
        {
            var present = given.TryGetValue(field.Key, out var value) && !IsEmpty(value);
            if (!present)
            {
                if (field.Required && RequiresFields(disposition))
                    errors[$"fields.{field.Key}"] = [$"Required: {field.Label}."];
                continue;
            }
            var (answer, error) = Read(field, value);
            if (error is not null) errors[$"fields.{field.Key}"] = [error];
            else answers[field.Key] = answer;
        }
        return (errors.Count > 0 || answers.Count == 0 ? null : answers.ToJsonString(), errors);
    }

    static (JsonNode? Answer, string? Error) Read(ScriptField field, JsonElement value) => field.Kind switch
    {
        ScriptFieldKind.Text when value.ValueKind != JsonValueKind.String => (null, "Must be text."),
        ScriptFieldKind.Text when value.GetString()!.Trim() is var text && text.Length > field.MaxLength =>
            (null, $"At most {field.MaxLength} characters."),
        ScriptFieldKind.Text => (JsonValue.Create(value.GetString()!.Trim()), null),
        ScriptFieldKind.Choice => field.Choices.FirstOrDefault(c => value.ValueKind == JsonValueKind.String
                && c.Equals(value.GetString()!.Trim(), StringComparison.OrdinalIgnoreCase)) is { } choice
            ? (JsonValue.Create(choice), null)
            : (null, $"Choose one of: {string.Join(", ", field.Choices)}."),
        ScriptFieldKind.YesNo => value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? (JsonValue.Create(value.GetBoolean()), null) : (null, "Must be yes (true) or no (false)."),
        ScriptFieldKind.Number => Number(field, value),
        _ => (null, "Unknown kind of field."),
    };

    static (JsonNode?, string?) Number(ScriptField field, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var n) || !double.IsFinite(n))
            return (null, "Must be a number.");
        if (n < field.Min || n > field.Max)
            return (null, $"Must be between {field.Min?.ToString() ?? "any"} and {field.Max?.ToString() ?? "any"}.");
        return (JsonValue.Create(n), null);
    }

    static bool IsEmpty(JsonElement value) => value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined
        || (value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString()));

    static string Short(string key) => key.Length <= 64 ? key : key[..64] + "…";

    /// <summary>An answer as text for the export: yes/no for a yes/no field, the number or text as it is.</summary>
    public static string? Cell(string? answersJson, string key)
    {
        if (string.IsNullOrEmpty(answersJson)) return null;
        using var json = JsonDocument.Parse(answersJson);
        if (!json.RootElement.TryGetProperty(key, out var v)) return null;
        return v.ValueKind switch
        {
            JsonValueKind.True => "yes",
            JsonValueKind.False => "no",
            JsonValueKind.String => v.GetString(),
            _ => v.GetRawText(),
        };
    }

    /// <summary>
    /// A demo's simulated agent fills every field with a plausible answer, the same for the same call.
    /// </summary>
    public static string? Simulated(IReadOnlyList<ScriptField> fields, Guid attemptId)
    {
        if (fields.Count == 0) return null;
        var seed = (uint)attemptId.GetHashCode();
        var answers = new JsonObject();
        foreach (var f in fields)
            answers[f.Key] = f.Kind switch
            {
                ScriptFieldKind.Choice when f.Choices.Length > 0 =>
                    JsonValue.Create(f.Choices[(int)(seed % (uint)f.Choices.Length)]),
                ScriptFieldKind.YesNo => JsonValue.Create(seed % 2 == 0),
                ScriptFieldKind.Number => JsonValue.Create(f.Min ?? f.Max ?? 1),
                _ => JsonValue.Create("noted by a simulated agent"[..Math.Min(f.MaxLength, 26)]),
            };
        return answers.ToJsonString();
    }
}
