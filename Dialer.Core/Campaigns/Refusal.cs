namespace Dialer.Core.Campaigns;

/// <summary>Why an entity refused a change; the API turns it into a 409 problem.</summary>
public sealed record Refusal(string Reason);
