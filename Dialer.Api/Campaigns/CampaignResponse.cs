using Dialer.Core.Campaigns;

namespace Dialer.Api.Campaigns;

public sealed record ContactCounts(int Total, int Pending, int Dialing, int Done, int Suppressed);

public sealed record CampaignResponse(
    Guid Id, string Name, CampaignStatus Status, CampaignSettings Settings, ContactCounts Contacts,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt,
    uint Version, string? PauseReason)
{
    public static CampaignResponse From(Campaign c, ContactCounts counts) =>
        new(c.Id, c.Name, c.Status, c.Settings, counts, c.CreatedAt, c.UpdatedAt, c.StartedAt, c.EndedAt, c.Version,
            c.PauseReason);
}

/// <param name="NextAfter">for lists paged by key: the id to pass as ?after= for the next page (null on the
/// last)</param>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total, long? NextAfter = null);
