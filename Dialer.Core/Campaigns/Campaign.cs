namespace Dialer.Core.Campaigns;

public sealed class Campaign
{
    public Guid Id { get; set; }
    public string Name { get; private set; } = "";
    public CampaignStatus Status { get; set; }
    public CampaignSettings Settings { get; private set; } = new();
    /// <summary>The team that owns the campaign: set at creation, never moved.</summary>
    public Guid TeamId { get; set; } = Teams.Team.DefaultId;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    /// <summary>
    /// Why the dialer paused the campaign by itself (Twilio refused the account); null if a person did.
    /// </summary>
    public string? PauseReason { get; private set; }
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

    /// <summary>Start now, or at the campaign's start time when that is still ahead.</summary>
    public Refusal? TryStart(DateTimeOffset now)
    {
        if (Status is not (CampaignStatus.Draft or CampaignStatus.Stopped))
            return new Refusal(Status == CampaignStatus.Completed
                ? "The campaign is completed: clone it to run it again."
                : $"The campaign is already {Status.ToString().ToLowerInvariant()}.");
        if (Settings.EndAt is { } end && end <= now)
            return new Refusal("The campaign's end time has passed: move it before starting.");
        Status = Settings.StartAt > now ? CampaignStatus.Scheduled : CampaignStatus.Running;
        if (Status == CampaignStatus.Running) StartedAt ??= now;
        EndedAt = null;
        PauseReason = null;
        UpdatedAt = now;
        return null;
    }

    /// <summary>The scheduled start time has come.</summary>
    public bool BeginScheduled(DateTimeOffset now)
    {
        if (Status != CampaignStatus.Scheduled) return false;
        Status = CampaignStatus.Running;
        StartedAt ??= now;
        UpdatedAt = now;
        return true;
    }

    public Refusal? TryPause(DateTimeOffset now) =>
        Move(CampaignStatus.Running, CampaignStatus.Paused, now, "Only a running campaign can be paused");

    public Refusal? TryResume(DateTimeOffset now) =>
        Move(CampaignStatus.Paused, CampaignStatus.Running, now, "Only a paused campaign can be resumed");

    /// <summary>
    /// The dialer pauses a running campaign none of whose calls can succeed until something is fixed.
    /// </summary>
    public bool PauseFor(string reason, DateTimeOffset now)
    {
        if (TryPause(now) is not null) return false;
        PauseReason = reason;
        return true;
    }

    public Refusal? TryStop(DateTimeOffset now)
    {
        if (Status is not (CampaignStatus.Running or CampaignStatus.Paused or CampaignStatus.Scheduled))
            return new Refusal(
                "Only a scheduled, running or paused campaign can be stopped; this one is "
                    + $"{Status.ToString().ToLowerInvariant()}.");
        Status = CampaignStatus.Stopped;
        EndedAt = now;
        PauseReason = null;
        UpdatedAt = now;
        return null;
    }

    /// <summary>No contact is left to try: the campaign completes by itself.</summary>
    public bool Complete(DateTimeOffset now)
    {
        if (Status != CampaignStatus.Running) return false;
        Status = CampaignStatus.Completed;
        EndedAt = now;
        UpdatedAt = now;
        return true;
    }

    Refusal? Move(CampaignStatus from, CampaignStatus to, DateTimeOffset now, string refusal)
    {
        if (Status != from) return new Refusal($"{refusal}; this one is {Status.ToString().ToLowerInvariant()}.");
        Status = to;
        PauseReason = null;
        UpdatedAt = now;
        return null;
    }

    public Refusal? TryDelete() =>
        Status == CampaignStatus.Draft ? null
            : new Refusal($"Only draft campaigns can be deleted; this one is {Status}.");
}
