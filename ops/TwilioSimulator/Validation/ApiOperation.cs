namespace Dialer.TwilioSimulator.Validation;

/// <summary>One method on one path of the description, with every parameter it takes.</summary>
/// <param name="ContentTypes">The request body's media types; empty when the operation takes no body.</param>
/// <param name="Required">The body's required fields.</param>
public sealed record ApiOperation(
    string Method, PathTemplate Path,
    IReadOnlyDictionary<string, ParameterSchema> PathParameters,
    IReadOnlyDictionary<string, ParameterSchema> Query, IReadOnlySet<string> RequiredQuery,
    IReadOnlyList<string> ContentTypes,
    IReadOnlyDictionary<string, ParameterSchema> Form, IReadOnlySet<string> Required);
