using System.Net.Http.Headers;
using Microsoft.Extensions.Primitives;

namespace Dialer.TwilioSimulator.Validation;

/// <summary>A request to Twilio's API as the validator sees it.</summary>
/// <param name="HasBody">Whether a body came (a POST with no body and no content type is an empty form).</param>
public sealed record ApiRequest(
    string Method, string Path, string? ContentType, bool HasBody,
    IEnumerable<KeyValuePair<string, StringValues>> Query, IEnumerable<KeyValuePair<string, StringValues>> Form);

/// <summary>
/// Checks a request against Twilio's description: the path and method, each path parameter's pattern, the body's
/// form encoding, and every query and form parameter (known, given once unless a list, required ones present, and
/// of the declared type, enum, pattern, length, bounds and format).
/// </summary>
public sealed class RequestValidator(ApiDescription description)
{
    public const string ApiPrefix = "/2010-04-01/";

    public static bool IsTwilioApi(string path) => path.StartsWith(ApiPrefix, StringComparison.Ordinal);

    /// <summary>Why Twilio would refuse the request, or null when it would take it.</summary>
    public Refusal? Check(ApiRequest request)
    {
        var shapes = description.Matching(request.Path).ToArray();
        if (shapes.Length == 0) return Refusal.NotFound(request.Path);
        var forMethod = shapes.Where(s => s.Operation.Method == request.Method).ToArray();
        if (forMethod.Length == 0) return Refusal.MethodNotAllowed(request.Method, request.Path);
        // a path parameter that does not fit (an account SID that is not AC + 32 hex digits) names no resource
        var (operation, _) = forMethod.FirstOrDefault(s => PathFits(s.Operation, s.Values));
        if (operation is null) return Refusal.NotFound(request.Path);

        return Body(operation, request)
               ?? Fields(request.Query, operation.Query, operation.RequiredQuery)
               ?? Fields(request.Form, operation.Form, operation.Required);
    }

    static bool PathFits(ApiOperation operation, string[] values) =>
        operation.Path.ParameterNames.Select((name, i) => (name, value: values[i]))
            .All(p => !operation.PathParameters.TryGetValue(p.name, out var schema) || schema.Problem(p.value) is null);

    static Refusal? Body(ApiOperation operation, ApiRequest request)
    {
        if (request.Method is not ("POST" or "PUT" or "PATCH")) return null;
        if (!request.HasBody && string.IsNullOrEmpty(request.ContentType)) return null;
        IReadOnlyList<string> accepted = operation.ContentTypes.Count > 0
            ? operation.ContentTypes
            : ["application/x-www-form-urlencoded"];
        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType : null;
        return accepted.Contains(mediaType, StringComparer.OrdinalIgnoreCase)
            ? null
            : Refusal.ContentType(request.ContentType, accepted);
    }

    static Refusal? Fields(IEnumerable<KeyValuePair<string, StringValues>> given,
        IReadOnlyDictionary<string, ParameterSchema> declared, IReadOnlySet<string> required)
    {
        var fields = given.ToArray();
        var present = fields.Where(f => f.Value.Any(v => !string.IsNullOrWhiteSpace(v))).Select(f => f.Key)
            .ToHashSet(StringComparer.Ordinal);
        if (required.FirstOrDefault(name => !present.Contains(name)) is { } missing) return Refusal.Missing(missing);

        var unknown = fields.Select(f => f.Key).Where(name => !declared.ContainsKey(name)).ToArray();
        if (unknown.Length > 0) return Refusal.Unknown(unknown);

        foreach (var (name, values) in fields)
        {
            var schema = declared[name];
            if (!schema.IsArray && values.Count > 1) return Refusal.Repeated(name);
            foreach (var value in values)
            {
                if (schema.Problem(value ?? "") is { } problem)
                    return Refusal.Invalid(name, schema, value ?? "", problem);
            }
        }
        return null;
    }
}
