using Dialer.Core.Campaigns;
using Dialer.Core.Contacts;
using Dialer.Core.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dialer.Core.Lists;

sealed class ContactListConfiguration : IEntityTypeConfiguration<ContactList>
{
    public void Configure(EntityTypeBuilder<ContactList> e)
    {
        e.ToTable("contact_lists");
        e.Property(l => l.Name).HasMaxLength(ContactList.MaxNameLength);
        e.Property(l => l.DefaultRegion).HasMaxLength(2);
        e.HasIndex(l => l.TeamId);
        e.HasOne<Team>().WithMany().HasForeignKey(l => l.TeamId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class ContactListRowConfiguration : IEntityTypeConfiguration<ContactListRow>
{
    public void Configure(EntityTypeBuilder<ContactListRow> e)
    {
        e.ToTable("contact_list_rows");
        e.Property(r => r.Phone).HasMaxLength(16);
        e.Property(r => r.PhoneKind).HasMaxLength(8);
        Data.ContactNumbersMapping.Map(e.Property(r => r.Numbers));
        e.Property(r => r.Name).HasMaxLength(200);
        e.Property(r => r.StatedJurisdiction).HasMaxLength(8);
        e.Property(r => r.CustomFields).HasColumnType("jsonb");
        e.HasIndex(r => new { r.ListId, r.Phone }).IsUnique();
        e.HasOne<ContactList>().WithMany().HasForeignKey(r => r.ListId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class CampaignListConfiguration : IEntityTypeConfiguration<CampaignList>
{
    public void Configure(EntityTypeBuilder<CampaignList> e)
    {
        e.ToTable("campaign_lists");
        e.HasKey(a => new { a.CampaignId, a.ListId });
        e.HasIndex(a => a.ListId);
        e.Property(a => a.AttachedBy).HasMaxLength(200);
        e.Property(a => a.Weight).HasDefaultValue(1);
        e.HasOne<Campaign>().WithMany().HasForeignKey(a => a.CampaignId).OnDelete(DeleteBehavior.Cascade);
        // a list attached somewhere is not deleted from under its campaigns: detach it first
        e.HasOne<ContactList>().WithMany().HasForeignKey(a => a.ListId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class ContactListReferenceConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> e)
    {
        // a list's contacts in one campaign: attach, activate, detach, recycle
        e.HasIndex(c => new { c.CampaignId, c.ListId }).HasFilter("list_id IS NOT NULL");
        e.HasOne<ContactList>().WithMany().HasForeignKey(c => c.ListId).OnDelete(DeleteBehavior.SetNull);
    }
}
