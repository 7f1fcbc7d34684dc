using Dialer.Core.Campaigns;

namespace Dialer.Core.Compliance.Consents;

/// <summary>
/// One consent a person gave, held on the contact it came with: what kind, how it was obtained, when, and the words
/// agreed (or where they are kept). A withdrawal is kept on the same record, never deleted: both are the evidence.
/// A withdrawal binds every consent of its kind given before it to the same number, in any campaign
/// (<see cref="ConsentsHeld"/>), as a do-not-call entry does for that kind of call.
/// </summary>
public sealed class ContactConsent
{
    public const int MaxSource = 200, MaxText = 4000, MaxReference = 500, MaxHow = 200;
    /// <summary>The source of a withdrawal with no consent on file: a marker that binds all the same.</summary>
    public const string NoneOnFile = "none-on-file";

    public long Id { get; set; }
    public long ContactId { get; set; }
    public Guid CampaignId { get; set; }
    /// <summary><see cref="ConsentKind"/>'s names.</summary>
    public string Kind { get; set; } = "";
    /// <summary>How it was obtained: "web form example.com/signup", "recorded call", "paper form".</summary>
    public string Source { get; set; } = "";
    public DateTimeOffset GivenAt { get; set; }
    /// <summary>When it lapses (a consent given for a period); null: until withdrawn. From then on it is not held.
    /// </summary>
    public DateTimeOffset? ValidUntil { get; set; }
    /// <summary>The words the person agreed to.</summary>
    public string? Text { get; set; }
    /// <summary>Where the evidence is kept, when the words are not copied here (a document id, a URL).</summary>
    public string? Reference { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    /// <summary>The user id, or "import".</summary>
    public string? RecordedBy { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
    /// <summary>How it was withdrawn: "on a call", "email", "letter".</summary>
    public string? WithdrawnHow { get; set; }
    public string? WithdrawnBy { get; set; }
    /// <summary>Set when the person's data went (an erasure, or retention): the number's keyed hash
    /// (<see cref="Privacy.PhoneHash"/>), so that a withdrawal on this record still binds the number
    /// (<see cref="ConsentsHeld"/>) once its contact no longer holds it. The words, reference and source are gone then.
    /// </summary>
    public byte[]? PhoneHash { get; set; }
    /// <summary>What an anonymised record's <see cref="Source"/> reads.</summary>
    public const string Erased = "erased";

    /// <summary>Withdraws it; a record already withdrawn keeps its first withdrawal.</summary>
    public Refusal? Withdraw(DateTimeOffset at, string how, string? by)
    {
        if (WithdrawnAt is not null)
            return new Refusal($"This consent was withdrawn at {WithdrawnAt:O}.");
        WithdrawnAt = at;
        WithdrawnHow = how;
        WithdrawnBy = by;
        return null;
    }

    /// <summary>A record of a withdrawal asked for where no consent of its kind was on file.</summary>
    public static ContactConsent WithdrawalOnly(long contactId, Guid campaignId, string kind, DateTimeOffset at,
        string how, string? by) => new()
        {
            ContactId = contactId, CampaignId = campaignId, Kind = kind, Source = NoneOnFile, GivenAt = at,
            RecordedAt = at, RecordedBy = by, WithdrawnAt = at, WithdrawnHow = how, WithdrawnBy = by,
        };
}
