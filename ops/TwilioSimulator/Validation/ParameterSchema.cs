using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Dialer.TwilioSimulator.Validation;

/// <summary>
/// What Twilio's description says one parameter may hold: its type, format, enum, pattern, lengths and bounds.
/// Formats the description names without defining (endpoint, phone-number, twiml, ...) are left to the endpoints.
/// </summary>
public sealed record ParameterSchema(string? Type, string? Format, IReadOnlyList<string>? Enum, Regex? Pattern,
    int? MinLength, int? MaxLength, decimal? Minimum, decimal? Maximum, ParameterSchema? Items)
{
    public bool IsArray => Type == "array";

    /// <summary>Why <paramref name="value"/> is refused, or null when the description allows it.</summary>
    public string? Problem(string value)
    {
        if (IsArray) return Items?.Problem(value);
        if (Type == "string" && Format == "uri" && value.Length == 0) return null; // the SDK's EmptyUri: "unset it"
        return Type switch
        {
            "integer" when !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) =>
                "is not an integer",
            "number" when !decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) =>
                "is not a number",
            "boolean" when !bool.TryParse(value, out _) => "is not true or false",
            _ => Enum is not null && !Enum.Contains(value) ? $"is not one of {string.Join(", ", Enum)}"
                : Pattern is not null && !Pattern.IsMatch(value) ? $"does not match {Pattern}"
                : value.Length < MinLength ? $"is shorter than {MinLength} characters"
                : value.Length > MaxLength ? $"is longer than {MaxLength} characters"
                : OutOfBounds(value) ?? FormatProblem(value),
        };
    }

    string? OutOfBounds(string value)
    {
        if (Type is not ("integer" or "number")) return null;
        var number = decimal.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
        return number < Minimum ? $"is below {Minimum}" : number > Maximum ? $"is above {Maximum}" : null;
    }

    string? FormatProblem(string value) => Format switch
    {
        "uri" when !IsWebUrl(value) => "is not an absolute http(s) URL",
        "date" when !TwilioDates.IsDate(value) => "is not a date (YYYY-MM-DD)",
        "date-time" when !TwilioDates.IsDateTime(value) => "is not a date or an ISO 8601 date-time",
        _ => null,
    };

    /// <summary>Every URL Twilio takes is one it requests (a webhook, a callback, audio): http or https.</summary>
    static bool IsWebUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0;

    /// <summary>Reads a schema, following a <c>$ref</c> into the description's components.</summary>
    public static ParameterSchema Read(JsonElement schema, JsonElement components, RegexCache patterns)
    {
        if (schema.TryGetProperty("$ref", out var reference))
            schema = components.GetProperty(reference.GetString()!.Split('/')[^1]);
        return new ParameterSchema(
            Text(schema, "type"), Text(schema, "format"),
            schema.TryGetProperty("enum", out var values) ? [.. values.EnumerateArray().Select(v => $"{v}")] : null,
            Text(schema, "pattern") is { } pattern ? patterns.Get(pattern) : null,
            Number(schema, "minLength") is { } min ? (int)min : null,
            Number(schema, "maxLength") is { } max ? (int)max : null,
            Number(schema, "minimum"), Number(schema, "maximum"),
            schema.TryGetProperty("items", out var items) ? Read(items, components, patterns) : null);
    }

    static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetString() : null;

    static decimal? Number(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetDecimal() : null;
}
