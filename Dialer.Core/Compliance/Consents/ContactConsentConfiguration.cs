using Dialer.Core.Contacts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dialer.Core.Compliance.Consents;

sealed class ContactConsentConfiguration : IEntityTypeConfiguration<ContactConsent>
{
    public void Configure(EntityTypeBuilder<ContactConsent> e)
    {
        e.ToTable("contact_consents");
        e.Property(c => c.Kind).HasMaxLength(32);
        e.Property(c => c.Source).HasMaxLength(ContactConsent.MaxSource);
        e.Property(c => c.Text).HasMaxLength(ContactConsent.MaxText);
        e.Property(c => c.Reference).HasMaxLength(ContactConsent.MaxReference);
        e.Property(c => c.RecordedBy).HasMaxLength(200);
        e.Property(c => c.WithdrawnHow).HasMaxLength(ContactConsent.MaxHow);
        e.Property(c => c.WithdrawnBy).HasMaxLength(200);
        // the same consent imported twice (a list uploaded again) is one record
        e.HasIndex(c => new { c.ContactId, c.Kind, c.GivenAt }).IsUnique();
        e.HasIndex(c => c.CampaignId);
        // an erased person's withdrawals, looked up by the number's hash
        e.HasIndex(c => c.PhoneHash).HasFilter("phone_hash IS NOT NULL");
        e.HasOne<Contact>().WithMany().HasForeignKey(c => c.ContactId).OnDelete(DeleteBehavior.Cascade);
    }
}
