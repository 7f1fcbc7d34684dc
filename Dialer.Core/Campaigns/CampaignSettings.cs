using Dialer.Core.CallerIds;
using Dialer.Core.Pacing;

namespace Dialer.Core.Campaigns;

/// <summary>
/// Everything a marketer defines about a campaign. The API, the campaign document and the builder
/// page all read and write this shape, and <see cref="CampaignSettingsValidator"/> checks it once for all of them.
/// </summary>
public sealed record CampaignSettings
{
    public string Name { get; init; } = "";
    public string CallerId { get; init; } = "";
    /// <summary>More numbers to call from: the customer's local one first (<see cref="CallerIdChoice"/>).
    /// </summary>
    public CallerIdPool CallerIds { get; init; } = new();
    public string DefaultRegion { get; init; } = "US";
    public DialingMode Mode { get; init; } = DialingMode.Progressive;
    public double LinesPerAgent { get; init; } = 2;
    public double MaxLinesPerAgent { get; init; } = 3;
    public int AgentlessLineCap { get; init; } = 10;
    public DateTimeOffset? StartAt { get; init; }
    public DateTimeOffset? EndAt { get; init; }
    public CallingWindow CallingWindow { get; init; } = new();
    /// <summary>
    /// The campaign's own rules for some jurisdictions, stricter than the shipped ones (never looser).
    /// </summary>
    public Compliance.Rules.Tightening[] Tightenings { get; init; } = [];
    /// <summary>
    /// Dial only contacts holding a valid consent of the campaign's kind (marketing-calls; prerecorded when
    /// agentless). A jurisdiction that requires consent requires it whatever this says.
    /// </summary>
    public bool RequiresConsent { get; init; }
    public int MaxAttempts { get; init; } = 5;
    /// <summary>Attempts per contact in any 24 hours (a rolling window, not the calendar day).</summary>
    public int MaxAttemptsPer24Hours { get; init; } = 2;
    public RetryRules RetryRules { get; init; } = new();
    /// <summary>
    /// The order a contact's numbers are tried in, by kind (<c>["mobile", "home", "work"]</c>); kinds left out come
    /// after, in the upload's column order. Null: the upload's column order (<see cref="Contacts.ContactNextNumber"/>).
    /// </summary>
    public string[]? NumberOrder { get; init; }
    /// <summary>Per-disposition retry rules (no-sale: never; busy-signal: again in 30 minutes...).</summary>
    public DispositionRule[] DispositionRules { get; init; } = [];
    public MachineHandling MachineHandling { get; init; } = MachineHandling.HangUp;
    public bool AsyncMachineDetection { get; init; }
    public string? VoicemailMessage { get; init; }
    /// <summary>What a person hears in an agentless (broadcast) campaign.</summary>
    public string? BroadcastMessage { get; init; }
    /// <summary>
    /// Said when no agent is free: who is calling and a number to call back (the validator wants a phone number in it,
    /// or <c>{callerId}</c>), and how to opt out. See <see cref="Speech.SpokenText"/> for the placeholders.
    /// </summary>
    public string SafeHarbourMessage { get; init; } =
        "Sorry we missed you. We will try again later, or call us back on {callerId}. "
        + "To not be called again, press {optOutDigit}.";
    /// <summary>Twilio's language for every <c>&lt;Say&gt;</c> of the campaign: one of <see cref="Speech.Voices"/>.
    /// </summary>
    public string Language { get; init; } = "en-US";
    /// <summary>A voice that speaks <see cref="Language"/>; null for the language's first.</summary>
    public string? Voice { get; init; }
    /// <summary>The key that puts the number on the do-not-call list during the safe-harbour or agentless message.
    /// </summary>
    public string OptOutDigit { get; init; } = "9";
    /// <summary>What the customer hears after pressing <see cref="OptOutDigit"/>.</summary>
    public string OptOutConfirmation { get; init; } = "You will not be called again. Goodbye.";
    public double AbandonTarget { get; init; } = Compliance.AbandonRule.LegalCeiling;
    public int AbandonWindowHours { get; init; } = 24 * 30;
    /// <summary>The script's opening text, shown above its sections; merge fields as in the sections.</summary>
    public string? Script { get; init; }
    /// <summary>The script's titled sections, in order (<see cref="Scripts.ScriptSection"/>).</summary>
    public Scripts.ScriptSection[] ScriptSections { get; init; } = [];
    /// <summary>What the agent fills in during the call, saved with the disposition and exported.</summary>
    public Scripts.ScriptField[] ScriptFields { get; init; } = [];
    /// <summary>The CRM page opened for the customer when a call connects; null for none.</summary>
    public Scripts.ScreenPopSettings? ScreenPop { get; init; }
    /// <summary>
    /// The contact list's custom fields (column names) a preview card shows; any other column stays off it, so an
    /// agent previewing contacts reads what the script needs and not the whole list.
    /// </summary>
    public string[] AgentFields { get; init; } = [];
    /// <summary>
    /// Dial only contacts whose columns match every condition (<c>state in (FL)</c>, <c>segment in (gold, silver)</c>);
    /// the others wait as <see cref="Contacts.ContactStatus.Filtered"/>. Empty: every contact.
    /// </summary>
    public Contacts.Filters.ColumnCondition[] DialFilter { get; init; } = [];
    /// <summary>The order of fresh contacts within a list (<see cref="Campaigns.LeadOrder"/>): as uploaded by default.
    /// </summary>
    public LeadOrder LeadOrder { get; init; } = new();
    public string[] Dispositions { get; init; } = ["sale", "no-sale", "callback", "do-not-call", "wrong-number"];
    public string[] ConversionDispositions { get; init; } = ["sale"];
    public int Priority { get; init; }
    public decimal? CostPerMinute { get; init; }
    /// <summary>At least this long between an agent's calls, so agents are not driven without a breath.</summary>
    public double MinReadySeconds { get; init; }
    /// <summary>
    /// After this long in wrap-up without a disposition the agent is made Available and the disposition marked missing.
    /// </summary>
    public int MaxWrapUpSeconds { get; init; } = 120;
    /// <summary>
    /// An agent's do-not-call disposition puts the number on the global list (every campaign), not only this
    /// campaign's.
    /// </summary>
    public bool DoNotCallDispositionIsGlobal { get; init; } = true;
    public RecordingSettings Recording { get; init; } = new();
}

/// <summary>
/// Whether the campaign records its customers' calls, what they are told first, and for how long recordings are kept.
/// </summary>
public sealed record RecordingSettings
{
    public bool Enabled { get; init; }
    /// <summary>Said to the customer before they join the agent, whenever the call is recorded.</summary>
    public string Notice { get; init; } = "This call may be recorded.";
    public int RetentionDays { get; init; } = 90;
}
