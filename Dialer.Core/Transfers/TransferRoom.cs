namespace Dialer.Core.Transfers;

/// <summary>
/// Where a customer handed to a third party talks with them: a conference of its own, so the agent's room stays the
/// agent's (their line never leaves it) and the next customer can be put there at once.
/// </summary>
public static class TransferRoom
{
    public static string NameOf(Guid transferId) => $"transfer-{transferId:N}";

    /// <summary>The third party's participant label, in the agent's room and in the transfer's.</summary>
    public const string ThirdPartyLabel = "third-party";
}
