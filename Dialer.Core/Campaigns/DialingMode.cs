namespace Dialer.Core.Campaigns;

public enum DialingMode { Preview, Progressive, Power, Predictive, Agentless }
