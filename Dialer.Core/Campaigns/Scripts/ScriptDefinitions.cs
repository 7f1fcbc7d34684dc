namespace Dialer.Core.Campaigns.Scripts;

/// <summary>A titled part of the agent's script; the console lists the titles so the agent can jump between them.
/// Its text may hold merge fields (<see cref="ScriptMerge"/>).</summary>
public sealed record ScriptSection
{
    public string Title { get; init; } = "";
    public string Text { get; init; } = "";
}

public enum ScriptFieldKind { Text, Choice, YesNo, Number }

/// <summary>
/// Something the agent fills in during the call, saved with the disposition (<see cref="ScriptAnswers"/>) and exported
/// as a column named by <see cref="Key"/>.
/// </summary>
public sealed record ScriptField
{
    public string Key { get; init; } = "";
    public string Label { get; init; } = "";
    public ScriptFieldKind Kind { get; init; } = ScriptFieldKind.Text;
    /// <summary>Refused without it, except for a do-not-call or wrong-number disposition (nothing to ask then).
    /// </summary>
    public bool Required { get; init; }
    /// <summary>The options of a choice.</summary>
    public string[] Choices { get; init; } = [];
    /// <summary>The longest text an agent may type.</summary>
    public int MaxLength { get; init; } = 500;
    public double? Min { get; init; }
    public double? Max { get; init; }
}

/// <summary>
/// The CRM page the console opens for the customer when a call connects: an https URL template whose merge fields are
/// URL-encoded, opened in a new tab or, with <see cref="Embed"/>, inside the console.
/// </summary>
public sealed record ScreenPopSettings
{
    public string? UrlTemplate { get; init; }
    public bool Embed { get; init; }
}
