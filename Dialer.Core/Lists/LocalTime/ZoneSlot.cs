using Dialer.Core.Campaigns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dialer.Core.Lists.LocalTime;

/// <summary>
/// A campaign's slot for one time zone (a fresh contact's first zone; "" for none): where its fresh contacts sit inside
/// their list's minute when the campaign orders by local time (<see cref="FreshOrder"/>). Given once and kept, so a
/// claim's ranges never move under a rewrite; at most <see cref="ZoneSlots.Count"/> slots, zones beyond share one.
/// </summary>
public sealed class ZoneSlot
{
    public Guid CampaignId { get; set; }
    public string Zone { get; set; } = "";
    public short Slot { get; set; }
}

sealed class ZoneSlotConfiguration : IEntityTypeConfiguration<ZoneSlot>
{
    public void Configure(EntityTypeBuilder<ZoneSlot> e)
    {
        e.ToTable("campaign_zone_slots");
        e.HasKey(s => new { s.CampaignId, s.Zone });
        e.HasOne<Campaign>().WithMany().HasForeignKey(s => s.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}
