using Dialer.Core.Campaigns;
using Dialer.Core.Dialing;
using Dialer.Core.Transfers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dialer.Core.Recordings;

sealed class CallRecordingConfiguration : IEntityTypeConfiguration<CallRecording>
{
    public void Configure(EntityTypeBuilder<CallRecording> e)
    {
        e.Property(r => r.Id).ValueGeneratedNever();
        e.Property(r => r.RecordingSid).HasMaxLength(64);
        e.HasIndex(r => r.RecordingSid).IsUnique();
        e.HasIndex(r => r.AttemptId);
        // the retention sweep: recordings still kept whose time is up
        e.HasIndex(r => r.DeleteAfter).HasFilter("deleted_at IS NULL");
        e.HasOne<CallAttempt>().WithMany().HasForeignKey(r => r.AttemptId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Campaign>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class CallTransferConfiguration : IEntityTypeConfiguration<CallTransfer>
{
    public void Configure(EntityTypeBuilder<CallTransfer> e)
    {
        e.Property(t => t.Id).ValueGeneratedNever();
        e.Property(t => t.ToNumber).HasMaxLength(32);
        e.Property(t => t.ThirdPartyCallSid).HasMaxLength(64);
        e.Property(t => t.Error).HasMaxLength(300);
        e.HasIndex(t => t.AttemptId);
        e.HasOne<CallAttempt>().WithMany().HasForeignKey(t => t.AttemptId).OnDelete(DeleteBehavior.Cascade);
    }
}
