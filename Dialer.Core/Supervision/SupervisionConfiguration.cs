using Dialer.Core.Agents;
using Dialer.Core.Dialing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dialer.Core.Supervision;

sealed class SupervisionSessionConfiguration : IEntityTypeConfiguration<SupervisionSession>
{
    public void Configure(EntityTypeBuilder<SupervisionSession> e)
    {
        e.Property(s => s.Id).ValueGeneratedNever();
        e.Property(s => s.SupervisorName).HasMaxLength(200);
        e.Property(s => s.To).HasMaxLength(128);
        e.Property(s => s.ConferenceSid).HasMaxLength(64);
        e.Property(s => s.CallSid).HasMaxLength(64);
        e.Property(s => s.EndReason).HasMaxLength(200);
        e.HasMany(s => s.Modes).WithOne().HasForeignKey(m => m.SessionId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(s => s.Modes).HasField("_modes").UsePropertyAccessMode(PropertyAccessMode.Field);
        e.HasIndex(s => new { s.AgentId, s.StartedAt });
        e.HasIndex(s => s.AttemptId);
        e.HasIndex(s => s.CallSid);
        e.HasOne<Agent>().WithMany().HasForeignKey(s => s.AgentId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<CallAttempt>().WithMany().HasForeignKey(s => s.AttemptId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class SupervisionModeChangeConfiguration : IEntityTypeConfiguration<SupervisionModeChange>
{
    public void Configure(EntityTypeBuilder<SupervisionModeChange> e) => e.ToTable("supervision_mode_changes");
}
