namespace Dialer.Core.Compliance.Consents;

/// <summary>
/// One consent as the API or a list row gives it, checked the same way for both: a known kind, a source, the moment
/// (not in the future), and the words agreed or a reference to them. Each problem names its field.
/// </summary>
/// <param name="ValidUntil">when it lapses, after <paramref name="GivenAt"/>; null: until withdrawn</param>
public sealed record ConsentInput(string? Kind, string? Source, DateTimeOffset? GivenAt, string? Text,
    string? Reference, DateTimeOffset? ValidUntil = null)
{
    /// <summary>A clock a little ahead of ours may stamp a consent a moment "in the future".</summary>
    static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);
    static readonly DateTimeOffset Earliest = new(1990, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public Dictionary<string, string> Problems(DateTimeOffset now)
    {
        var problems = new Dictionary<string, string>();
        if (!ConsentKind.TryParse(Kind, out _))
            problems["kind"] = $"'{Clip(Kind)}' is not a consent kind: {string.Join(" or ", ConsentKind.Names)}.";
        if (string.IsNullOrWhiteSpace(Source)) problems["source"] = "Say how the consent was obtained.";
        else if (Source.Trim().Length > ContactConsent.MaxSource)
            problems["source"] = $"At most {ContactConsent.MaxSource} characters.";
        if (GivenAt is not { } at) problems["givenAt"] = "Say when the consent was given.";
        else if (at > now + Skew) problems["givenAt"] = "A consent cannot be given in the future.";
        else if (at < Earliest) problems["givenAt"] = "Give a date from 1990 on.";
        if (ValidUntil is { } until && GivenAt is { } given && until <= given)
            problems["validUntil"] = "A consent lapses after it is given.";
        if (string.IsNullOrWhiteSpace(Text) && string.IsNullOrWhiteSpace(Reference))
            problems["text"] = "Give the words agreed (text) or where they are kept (reference).";
        if (Text?.Trim().Length > ContactConsent.MaxText)
            problems["text"] = $"At most {ContactConsent.MaxText} characters.";
        if (Reference?.Trim().Length > ContactConsent.MaxReference)
            problems["reference"] = $"At most {ContactConsent.MaxReference} characters.";
        return problems;
    }

    /// <summary>The record, once <see cref="Problems"/> found none.</summary>
    public ContactConsent ToRecord(long contactId, Guid campaignId, DateTimeOffset now, string? by)
    {
        ConsentKind.TryParse(Kind, out var kind);
        return new ContactConsent
        {
            ContactId = contactId, CampaignId = campaignId, Kind = ConsentKind.Name(kind), Source = Source!.Trim(),
            GivenAt = GivenAt!.Value.ToUniversalTime(), ValidUntil = ValidUntil?.ToUniversalTime(), Text = Blank(Text),
            Reference = Blank(Reference),
            RecordedAt = now, RecordedBy = by,
        };
    }

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    static string Clip(string? s) => s is null ? "" : s.Length > 40 ? s[..40] + "…" : s;
}
