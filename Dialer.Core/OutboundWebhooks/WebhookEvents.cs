namespace Dialer.Core.OutboundWebhooks;

/// <summary>The events a subscription may ask for, by the names receivers see in the body's <c>type</c>.</summary>
public static class WebhookEvents
{
    public const string CallAnswered = "call.answered";
    public const string CallEnded = "call.ended";
    public const string DispositionSet = "disposition.set";
    public const string ContactDone = "contact.done";
    public const string CampaignStateChanged = "campaign.state_changed";
    public const string DoNotCallAdded = "do_not_call.added";

    public static readonly IReadOnlyList<string> All =
        [CallAnswered, CallEnded, DispositionSet, ContactDone, CampaignStateChanged, DoNotCallAdded];

    public static bool IsKnown(string name) => All.Contains(name);
}
