using System.Globalization;
using System.Text.RegularExpressions;

namespace Dialer.TwilioSimulator.Calls;

/// <summary>Reads and checks the create-call form fields, refusing them with Twilio's error codes.</summary>
public static partial class CreateCallForm
{
    static readonly string[] KnownEvents = ["initiated", "ringing", "answered", "completed"];

    public static (string To, string From, CallInstructions Instructions)? Read(
        IFormCollection form, out IResult? error)
    {
        error = null;
        string to = form["To"].ToString().Trim(), from = form["From"].ToString().Trim();
        if (to.Length == 0) return Refuse(out error, 21201, "No 'To' number is specified");
        if (!IsDialable(to)) return Refuse(out error, 21211, $"Invalid 'To' Phone Number: {to}");
        if (from.Length == 0) return Refuse(out error, 21213, "No 'From' number is specified");
        if (!IsDialable(from)) return Refuse(out error, 21212, $"Invalid 'From' Phone Number: {from}");

        string? url = Optional(form, "Url"), twiml = Optional(form, "Twiml");
        if (url is null && twiml is null) return Refuse(out error, 21205, "Url or Twiml is required to place a call");
        foreach (var (name, value) in new[]
                 {
                     ("Url", url), ("FallbackUrl", Optional(form, "FallbackUrl")),
                     ("StatusCallback", Optional(form, "StatusCallback")),
                     ("AsyncAmdStatusCallback", Optional(form, "AsyncAmdStatusCallback")),
                 })
        {
            if (value is not null && !IsHttpUrl(value))
                return Refuse(out error, 21205, $"{name} is not a valid URL: {value}");
        }

        var events = form["StatusCallbackEvent"]
            .SelectMany(v => (v ?? "").Split(' ',
                StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.Ordinal);
        if (events.FirstOrDefault(e => !KnownEvents.Contains(e)) is { } unknown)
            return Refuse(out error, 21626, $"Invalid StatusCallbackEvent: {unknown}");

        var machineDetection = Optional(form, "MachineDetection");
        if (machineDetection is not null && machineDetection is not ("Enable" or "DetectMessageEnd"))
            return Refuse(out error, 21626, $"Invalid MachineDetection: {machineDetection}");

        if (!TryInt(form, "Timeout", 60, 1, 600, out var timeout))
            return Refuse(out error, 21216, "Timeout must be an integer between 1 and 600");
        if (!TryInt(form, "TimeLimit", 14_400, 1, 86_400, out var timeLimit))
            return Refuse(out error, 21626, "TimeLimit must be an integer between 1 and 86400");
        if (!TryInt(form, "MachineDetectionTimeout", 30, 3, 59, out var amdTimeout))
            return Refuse(out error, 21626, "MachineDetectionTimeout must be an integer between 3 and 59");

        var instructions = new CallInstructions
        {
            Url = url,
            Method = MethodOf(form, "Method"),
            Twiml = twiml,
            FallbackUrl = Optional(form, "FallbackUrl"),
            FallbackMethod = MethodOf(form, "FallbackMethod"),
            StatusCallback = Optional(form, "StatusCallback"),
            StatusCallbackMethod = MethodOf(form, "StatusCallbackMethod"),
            StatusCallbackEvents = events,
            TimeoutSeconds = timeout,
            TimeLimitSeconds = timeLimit,
            MachineDetection = machineDetection,
            MachineDetectionTimeoutSeconds = amdTimeout,
            AsyncAmd = string.Equals(Optional(form, "AsyncAmd"), "true", StringComparison.OrdinalIgnoreCase),
            AsyncAmdStatusCallback = Optional(form, "AsyncAmdStatusCallback"),
            AsyncAmdStatusCallbackMethod = MethodOf(form, "AsyncAmdStatusCallbackMethod"),
        };
        return (to, from, instructions);
    }

    /// <summary>E.164, or a Twilio Client identity (client:NAME) or SIP address.</summary>
    public static bool IsDialable(string endpoint) =>
        E164().IsMatch(endpoint) ||
        (endpoint.StartsWith("client:", StringComparison.OrdinalIgnoreCase) && endpoint.Length > "client:".Length) ||
        endpoint.StartsWith("sip:", StringComparison.OrdinalIgnoreCase);

    public static bool IsE164(string? value) => value is not null && E164().IsMatch(value);

    public static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    public static string? Optional(IFormCollection form, string name) =>
        form[name].ToString() is { Length: > 0 } value ? value.Trim() : null;

    public static string MethodOf(IFormCollection form, string name) =>
        string.Equals(Optional(form, name), "GET", StringComparison.OrdinalIgnoreCase) ? "GET" : "POST";

    static bool TryInt(IFormCollection form, string name, int fallback, int min, int max, out int value)
    {
        value = fallback;
        if (Optional(form, name) is not { } text) return true;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= min
            && value <= max;
    }

    static (string, string, CallInstructions)? Refuse(out IResult? error, int code, string message)
    {
        error = TwilioError.Result(400, code, message);
        return null;
    }

    [GeneratedRegex(@"^\+[1-9]\d{1,14}$")]
    private static partial Regex E164();
}
