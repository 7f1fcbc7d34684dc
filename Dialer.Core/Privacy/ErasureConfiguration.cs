using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dialer.Core.Privacy;

sealed class ErasureConfiguration : IEntityTypeConfiguration<Erasure>
{
    public void Configure(EntityTypeBuilder<Erasure> e)
    {
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.RequestedBy).HasMaxLength(200);
        e.HasIndex(x => x.PhoneHash);
    }
}
