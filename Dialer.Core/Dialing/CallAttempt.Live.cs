using Dialer.Core.Campaigns;
using Dialer.Core.Compliance;
using Dialer.Core.Figures;

namespace Dialer.Core.Dialing;

/// <summary>
/// The live part of an attempt: who took the call, whether it was abandoned, how the agent disposed of it.
/// </summary>
public sealed partial class CallAttempt
{
    /// <summary>
    /// The answer was treated as a person (routed to an agent or given the safe-harbour message): it counts in the
    /// abandon rate.
    /// </summary>
    public bool LiveAnswer { get; set; }
    /// <summary>
    /// When the customer's greeting ended, when the telephony says so; otherwise the abandon rule assumes one.
    /// </summary>
    public DateTimeOffset? GreetingEndedAt { get; set; }
    /// <summary>When the safe-harbour message began: no agent was there for this customer.</summary>
    public DateTimeOffset? MessageStartedAt { get; set; }
    /// <summary>The abandon rule's verdict, settled as the call's moments come in.</summary>
    public bool Abandoned { get; set; }
    public bool Converted { get; set; }
    public string? DispositionNotes { get; set; }
    /// <summary>
    /// The script's fields as the agent filled them in, a JSON object (<see cref="Campaigns.Scripts.ScriptAnswers"/>).
    /// </summary>
    public string? ScriptAnswers { get; set; }
    public DateTimeOffset? DispositionedAt { get; set; }

    /// <summary>
    /// A person answered and <paramref name="agentId"/> was reserved for them, or nobody was (the message plays).
    /// </summary>
    public void AnsweredLive(Guid? agentId, DateTimeOffset now)
    {
        LiveAnswer = true;
        AgentId = agentId;
        if (agentId is null) MessageStartedAt ??= now;
    }

    /// <summary>
    /// A person answered but the call ended before the answer webhook routed it (it came too late, or never).
    /// </summary>
    public bool AnsweredUnrouted => AnsweredAt is not null && !LiveAnswer && !MachineVerdict.Is(AnsweredBy);

    /// <summary>
    /// Such a call was still a live answer nobody was there for: the abandon rule judges it by when it ended (a
    /// customer who hung up within the allowance was not abandoned).
    /// </summary>
    public void EndedBeforeRouting()
    {
        if (AnsweredUnrouted && IsFinal) LiveAnswer = true;
    }

    /// <summary>
    /// The agent's leg answered: the customer and the agent hear each other from now. Not once the customer was given
    /// the safe-harbour message: an agent leg that answers after that (a create whose answer was lost) talked to
    /// nobody.
    /// </summary>
    public bool AgentConnected(DateTimeOffset at)
    {
        if (BridgedAt is not null || MessageStartedAt is not null) return false;
        BridgedAt = at;
        return true;
    }

    /// <summary>
    /// Twilio fell back from the answer URL (no Worker could answer), or the Worker's answer failed: a person hears a
    /// message, so the call is a live answer nobody was there for; a machine is hung up on.
    /// </summary>
    public void AnsweredOnFallback(bool machine, DateTimeOffset now)
    {
        Advance(AttemptState.InProgress, now);
        AnsweredAt ??= now; // recorded late, after its last callback ended it
        if (machine) return;
        if (!LiveAnswer) AnsweredLive(null, now);
        else AgentMissed(now);
        SettleAbandon(now);
    }

    /// <summary>The reserved agent never picked up: the customer gets the message after all.</summary>
    public void AgentMissed(DateTimeOffset now) => MessageStartedAt ??= now;

    public LiveCall AsLiveCall() => new(AnsweredAt ?? CreatedAt, GreetingEndedAt, BridgedAt, MessageStartedAt, EndedAt);

    /// <summary>Re-judges the call after any change; once abandoned, always abandoned.</summary>
    public void SettleAbandon(DateTimeOffset now)
    {
        if (!LiveAnswer || AnsweredAt is null) return;
        Abandoned = Abandoned || AbandonRule.Judge(AsLiveCall(), now) == AbandonVerdict.Abandoned;
    }

    public Refusal? TryDispose(string disposition, string? notes, CampaignSettings settings, DateTimeOffset now,
        string? scriptAnswers = null)
    {
        if (AgentId is null) return new Refusal("No agent took this call.");
        if (Disposition is not null) return new Refusal($"The call already has the disposition '{Disposition}'.");
        Disposition = disposition;
        DispositionNotes = notes;
        ScriptAnswers = scriptAnswers;
        DispositionedAt = now;
        Converted = settings.ConversionDispositions.Contains(disposition, StringComparer.OrdinalIgnoreCase);
        return null;
    }
}
