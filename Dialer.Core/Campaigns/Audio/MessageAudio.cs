using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dialer.Core.Campaigns.Audio;

/// <summary>The campaign messages a recording may replace text-to-speech for.</summary>
public enum AudioMessage { SafeHarbour, Voicemail, Broadcast, RecordingNotice }

/// <summary>
/// A recorded message a marketer uploaded for one of a campaign's messages: played with <c>&lt;Play&gt;</c> instead of
/// the words, which stay in the settings as the text fallback and for the validator. One per campaign and message; a
/// new upload replaces it with a new row (a new id, so a new URL: Twilio caches media by URL).
/// </summary>
/// <remarks>
/// bytea in its own table rather than large objects: a file is at most <see cref="AudioFile.MaxBytes"/> (TOAST
/// stores that out of line, compressed), the row is deleted with its campaign by the foreign key and taken by
/// pg_dump like any other, and EF Core reads and writes it without the large-object API; a large object would outlive
/// its row unless every delete remembered lo_unlink. Only the upload, the preview and Twilio's fetch read the bytes.
/// </remarks>
public sealed class MessageAudio
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TeamId { get; init; }
    public Guid CampaignId { get; init; }
    public AudioMessage Message { get; init; }
    public string ContentType { get; init; } = "";
    public int Bytes { get; init; }
    public byte[] Content { get; init; } = [];
    public DateTimeOffset UploadedAt { get; init; }
    public string? UploadedBy { get; init; }
}

sealed class MessageAudioConfiguration : IEntityTypeConfiguration<MessageAudio>
{
    public void Configure(EntityTypeBuilder<MessageAudio> e)
    {
        e.ToTable("message_audio");
        e.Property(a => a.Message).HasConversion<string>().HasMaxLength(32);
        e.Property(a => a.ContentType).HasMaxLength(32);
        e.Property(a => a.UploadedBy).HasMaxLength(200);
        e.HasIndex(a => new { a.CampaignId, a.Message }).IsUnique();
        e.HasIndex(a => a.TeamId);
        e.HasOne<Campaign>().WithMany().HasForeignKey(a => a.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}
