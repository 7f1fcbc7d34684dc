namespace Dialer.Core.Campaigns;

/// <summary>What a call answered by a machine gets.</summary>
public enum MachineHandling { NoDetection, HangUp, VoicemailDrop, ConnectAnyway }
