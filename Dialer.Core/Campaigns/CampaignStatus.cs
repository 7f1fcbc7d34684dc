namespace Dialer.Core.Campaigns;

public enum CampaignStatus { Draft, Scheduled, Running, Paused, Stopped, Completed }
