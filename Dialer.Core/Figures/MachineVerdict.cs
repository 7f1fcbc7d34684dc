namespace Dialer.Core.Figures;

/// <summary>
/// Twilio's AMD said a machine (machine_start, machine_end_beep...) or a fax; anything else (human, unknown, none) is a
/// person.
/// </summary>
public static class MachineVerdict
{
    const string MachinePrefix = "machine", Fax = "fax";

    public const string Sql = $"(a.answered_by LIKE '{MachinePrefix}%' OR a.answered_by = '{Fax}')";

    public static bool Is(string? answeredBy) =>
        answeredBy is not null && (answeredBy.StartsWith(MachinePrefix, StringComparison.Ordinal) || answeredBy == Fax);
}
