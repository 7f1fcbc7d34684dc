namespace Dialer.TwilioSimulator.Validation;

/// <summary>
/// A request refused as Twilio refuses it: the HTTP status and Twilio's code and message. Twilio's specific codes
/// where it has one for the parameter (21201/21213 a missing To/From, 21205 a URL, 21609 a StatusCallback URL,
/// 21209 an HTTP method), else 20001.
/// </summary>
public sealed record Refusal(int Status, int Code, string Message)
{
    public static Refusal NotFound(string path) => new(404, 20404, $"The requested resource {path} was not found");

    public static Refusal MethodNotAllowed(string method, string path) =>
        new(405, 20004, $"Method not allowed: {method} is not supported on {path}");

    public static Refusal ContentType(string? contentType, IEnumerable<string> accepted) =>
        new(400, 19056,
            $"Input request content type is invalid: '{contentType}'; accepted: {string.Join(", ", accepted)}");

    public static Refusal Missing(string name) => name switch
    {
        "To" => new(400, 21201, "No 'To' number is specified"),
        "From" => new(400, 21213, "No 'From' number is specified"),
        _ => new(400, 20001, $"Missing required parameter {name}"),
    };

    /// <summary>Twilio itself ignores parameters it does not know (warning 20001); the simulator refuses them with that
    /// code, so that a misspelt or unsupported parameter fails a test instead of being silently dropped.</summary>
    public static Refusal Unknown(IEnumerable<string> names) =>
        new(400, 20001, $"Unknown parameters: {string.Join(", ", names)}");

    public static Refusal Repeated(string name) =>
        new(400, 20001, $"Invalid {name}: given more than once, but it is not a list");

    public static Refusal Invalid(string name, ParameterSchema schema, string value, string problem) =>
        new(400, CodeFor(name, schema), $"Invalid {name}: '{value}' {problem}");

    static int CodeFor(string name, ParameterSchema schema) => schema.Format switch
    {
        "uri" when name.EndsWith("StatusCallback", StringComparison.Ordinal) => 21609,
        "uri" => 21205,
        "http-method" => 21209,
        _ => 20001,
    };
}
