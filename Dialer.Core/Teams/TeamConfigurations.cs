using Dialer.Core.Agents;
using Dialer.Core.Campaigns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dialer.Core.Teams;

sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> e)
    {
        e.Property(t => t.Name).HasMaxLength(Team.MaxNameLength);
        e.HasIndex(t => t.Name).IsUnique();
        // a team with members or campaigns cannot be deleted from under them
        e.HasMany<Auth.User>().WithOne().HasForeignKey(u => u.TeamId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany<Campaign>().WithOne().HasForeignKey(c => c.TeamId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany<Agent>().WithOne().HasForeignKey(a => a.TeamId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class CampaignAgentConfiguration : IEntityTypeConfiguration<CampaignAgent>
{
    public void Configure(EntityTypeBuilder<CampaignAgent> e)
    {
        e.ToTable("campaign_agents");
        e.HasKey(a => new { a.CampaignId, a.AgentId });
        e.HasIndex(a => a.AgentId);
        e.Property(a => a.AssignedBy).HasMaxLength(64);
        e.HasOne<Campaign>().WithMany().HasForeignKey(a => a.CampaignId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Agent>().WithMany().HasForeignKey(a => a.AgentId).OnDelete(DeleteBehavior.Cascade);
    }
}
