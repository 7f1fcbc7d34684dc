using System.Text.Json;
using Dialer.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dialer.Core.Campaigns.History;

sealed class CampaignChangeConfiguration : IEntityTypeConfiguration<CampaignChange>
{
    public void Configure(EntityTypeBuilder<CampaignChange> e)
    {
        e.ToTable("campaign_changes");
        e.Property(c => c.By).HasMaxLength(200);
        e.Property(c => c.Action).HasMaxLength(32);
        e.Property(c => c.Note).HasMaxLength(500);
        e.Property(c => c.Fields)
            .HasColumnType("jsonb")
            .HasConversion(
                f => JsonSerializer.Serialize(f, DialerJson.Options),
                json => JsonSerializer.Deserialize<FieldChange[]>(json, DialerJson.Options)!,
                new ValueComparer<FieldChange[]>(
                    (a, b) => JsonSerializer.Serialize(a, DialerJson.Options)
                    == JsonSerializer.Serialize(b, DialerJson.Options),
                    f => JsonSerializer.Serialize(f, DialerJson.Options).GetHashCode(), f => f.ToArray()));
        // no foreign key: the history of a deleted draft stays
        e.HasIndex(c => new { c.CampaignId, c.At });
    }
}
