namespace Dialer.Api.Contacts;

/// <summary>Where an import's good rows go: a campaign's contacts, or a team's list (Dialer.Api/Lists).</summary>
public interface IContactRowSink
{
    /// <summary>What the limit message names: "A campaign", "A list".</summary>
    string Holder { get; }

    /// <summary>The campaign's or the list's id, for the import's log line.</summary>
    Guid Id { get; }

    /// <summary>The order the holder tries a contact's numbers in, which picks the one dialed first; null for the
    /// upload's column order.</summary>
    string[]? NumberOrder { get; }

    /// <summary>Rows held already, counted against Import:MaxContactsPerCampaign.</summary>
    Task<int> CountAsync(CancellationToken ct);

    /// <summary>Writes one batch; numbers already held are dropped (counted as duplicates by the importer).</summary>
    /// <param name="now">the rows' created time, increasing from batch to batch in file order</param>
    Task<(int Inserted, int Suppressed, int Consents)> WriteAsync(IReadOnlyList<ContactRow> rows, DateTimeOffset now,
        ImportTimings timings, CancellationToken ct);
}

/// <summary>A campaign's contacts, through <see cref="ContactWriter"/>.</summary>
public sealed class CampaignContacts(ContactWriter writer, Guid campaignId, string[]? numberOrder = null)
    : IContactRowSink
{
    public string Holder => "A campaign";

    public string[]? NumberOrder => numberOrder;

    public Guid Id => campaignId;

    public Task<int> CountAsync(CancellationToken ct) => writer.CountAsync(campaignId, ct);

    public Task<(int Inserted, int Suppressed, int Consents)> WriteAsync(IReadOnlyList<ContactRow> rows,
        DateTimeOffset now, ImportTimings timings, CancellationToken ct) =>
        writer.WriteAsync(campaignId, rows, now, timings, ct);
}
