using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dialer.Core.Compliance.Registries;

sealed class RegistryListConfiguration : IEntityTypeConfiguration<RegistryList>
{
    public void Configure(EntityTypeBuilder<RegistryList> e)
    {
        e.ToTable("registry_lists");
        e.Property(l => l.Name).HasMaxLength(RegistryList.MaxName);
        e.Property(l => l.Jurisdiction).HasMaxLength(8);
        e.Property(l => l.UploadedBy).HasMaxLength(200);
        e.HasIndex(l => new { l.TeamId, l.Jurisdiction, l.Name });
        e.HasOne<Teams.Team>().WithMany().HasForeignKey(l => l.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class RegistryNumberConfiguration : IEntityTypeConfiguration<RegistryNumber>
{
    public void Configure(EntityTypeBuilder<RegistryNumber> e)
    {
        e.ToTable("registry_numbers");
        // the number first: the permit looks a number up in every copy that binds
        e.HasKey(n => new { n.Phone, n.ListId });
        e.Property(n => n.Phone).HasMaxLength(16);
        e.HasOne<RegistryList>().WithMany().HasForeignKey(n => n.ListId).OnDelete(DeleteBehavior.Cascade);
    }
}
