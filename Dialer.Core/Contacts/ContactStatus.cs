namespace Dialer.Core.Contacts;

public enum ContactStatus
{
    /// <summary>Waiting for its first or next attempt.</summary>
    Pending,
    /// <summary>Claimed by the pacer; an attempt is in flight.</summary>
    Dialing,
    /// <summary>On a do-not-call list: never dialed.</summary>
    Suppressed,
    /// <summary>Reached and dispositioned, or out of attempts.</summary>
    Done,
    /// <summary>Waiting, but its list's attachment to the campaign is inactive (or detached): the claim, which takes
    /// only <see cref="Pending"/>, passes it by until the list is active again.</summary>
    Parked,
    /// <summary>Waiting, but outside the campaign's dial filter (<see cref="Campaigns.CampaignSettings.DialFilter"/>):
    /// the claim passes it by until the filter admits it again.</summary>
    Filtered,
}

public enum DialPriority : short { Callback = 0, Retry = 1, Fresh = 2 }
