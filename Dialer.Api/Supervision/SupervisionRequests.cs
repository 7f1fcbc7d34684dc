using System.Text.RegularExpressions;
using Dialer.Core.Supervision;

namespace Dialer.Api.Supervision;

public sealed record SuperviseRequest(string? Mode, string? To);
public sealed record SwitchModeRequest(string? Mode);

public sealed record SupervisionModeView(SupervisionMode Mode, DateTimeOffset At);

public sealed record SupervisionView(
    Guid Id, Guid AgentId, Guid AttemptId, string Supervisor, SupervisionMode Mode, string To, string ConferenceSid,
    string? CallSid, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, string? EndReason,
    IReadOnlyList<SupervisionModeView> Modes)
{
    public static SupervisionView Of(SupervisionSession s) =>
        new(s.Id, s.AgentId, s.AttemptId, s.SupervisorName, s.Mode, s.To, s.ConferenceSid, s.CallSid, s.StartedAt,
        s.EndedAt, s.EndReason, [.. s.Modes.OrderBy(m => m.At).Select(m => new SupervisionModeView(m.Mode, m.At))]);
}

/// <summary>Reads the requests' fields, naming each one that is wrong.</summary>
public static partial class SupervisionInput
{
    public static SupervisionMode? Mode(string? text, Dictionary<string, string[]> errors)
    {
        if (Enum.TryParse<SupervisionMode>(text, ignoreCase: true, out var mode) && Enum.IsDefined(mode)
            && !int.TryParse(text, out _))
            return mode;
        errors["mode"] = ["Choose listen, whisper or barge."];
        return null;
    }

    /// <summary>
    /// A Twilio Client identity (client:NAME) or an E.164 number: where the supervisor's phone rings.
    /// </summary>
    public static string? To(string? text, Dictionary<string, string[]> errors)
    {
        var to = text?.Trim() ?? "";
        if (E164().IsMatch(to) || ClientIdentity().IsMatch(to)) return to;
        errors["to"] = ["Give your browser phone as client:NAME or your phone number in E.164 form (+14155550100)."];
        return null;
    }

    /// <summary>A Twilio Client identity without its <c>client:</c> prefix.</summary>
    public static bool IsClientName(string name) => ClientIdentity().IsMatch("client:" + name);

    /// <summary>
    /// Only the manager's own lines: their browser phone or the phone an admin registered for them. Any other number
    /// would let a manager listen from outside phones, or run up calls anywhere.
    /// </summary>
    public static bool IsOwnLine(string to, Core.Auth.User manager) =>
        (manager.ClientIdentity is { } identity && to == "client:" + identity)
            || (manager.Phone is { } phone && to == phone);

    [GeneratedRegex(@"^\+[1-9]\d{1,14}$")]
    private static partial Regex E164();

    [GeneratedRegex(@"^client:[A-Za-z0-9_.@-]{1,121}$")]
    private static partial Regex ClientIdentity();
}
