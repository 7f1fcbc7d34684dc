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
}

public enum DialPriority : short { Callback = 0, Retry = 1, Fresh = 2 }
