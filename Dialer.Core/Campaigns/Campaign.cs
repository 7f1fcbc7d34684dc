namespace Dialer.Core.Campaigns;

public sealed class Campaign
{
    public Guid Id { get; set; }
    public string Name { get; private set; } = "";
    public CampaignStatus Status { get; set; }
    public CampaignSettings Settings { get; private set; } = new();
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    /// <summary>PostgreSQL's xmin: two edits of the same version cannot both win.</summary>
    public uint Version { get; set; }

    public static Campaign Create(CampaignSettings settings, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Name = settings.Name,
        Settings = settings,
        Status = CampaignStatus.Draft,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public bool IsLive => Status is CampaignStatus.Running or CampaignStatus.Paused or CampaignStatus.Scheduled;

    public Refusal? TryUpdate(CampaignSettings settings, DateTimeOffset now)
    {
        if (Status == CampaignStatus.Running)
            return new Refusal("The campaign is running: pause it before changing its settings.");
        if (Status == CampaignStatus.Completed)
            return new Refusal("The campaign is completed: clone it to run it again.");
        Settings = settings;
        Name = settings.Name;
        UpdatedAt = now;
        return null;
    }

    public Refusal? TryDelete() =>
        Status == CampaignStatus.Draft ? null : new Refusal($"Only draft campaigns can be deleted; this one is {Status}.");
}
