namespace Dialer.Core.Compliance.Registries;

/// <summary>
/// One copy of a do-not-call registry (Spain's Lista Robinson, the US National Do Not Call Registry, Florida's) as a
/// team, or an admin for every team, uploaded it: its name, the jurisdiction it covers and the date it was downloaded.
/// Its numbers are <see cref="RegistryNumber"/>s. A newer upload of the same registry (same name, jurisdiction and
/// team) replaces it: the new copy turns active and the old one is deleted in the same transaction.
/// </summary>
public sealed class RegistryList
{
    public const int MaxName = 100;

    public Guid Id { get; set; }
    /// <summary>Null: uploaded by an admin for every team.</summary>
    public Guid? TeamId { get; set; }
    /// <summary>"Lista Robinson", "National Do Not Call Registry".</summary>
    public string Name { get; set; } = "";
    /// <summary>The country whose contacts it binds (ISO 3166-1: "ES", "US"), or a US state or Canadian province
    /// (ISO 3166-2: "US-FL"), binding the contacts whose number's area code or list places them there.</summary>
    public string Jurisdiction { get; set; } = "";
    /// <summary>When the copy was downloaded from the registry: what its freshness is measured from.</summary>
    public DateOnly DownloadedOn { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public string? UploadedBy { get; set; }
    /// <summary>Distinct numbers held.</summary>
    public int Numbers { get; set; }
    /// <summary>Lines of the file that could not be read.</summary>
    public int Rejected { get; set; }
    /// <summary>False while its numbers are being loaded: only an active copy binds.</summary>
    public bool Active { get; set; }
}

/// <summary>A number on a registry copy, in E.164.</summary>
public sealed class RegistryNumber
{
    public string Phone { get; set; } = "";
    public Guid ListId { get; set; }
}
