using Dialer.Core.Campaigns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dialer.Core.OutboundWebhooks;

sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> e)
    {
        e.ToTable("webhook_subscriptions");
        e.Property(s => s.Url).HasMaxLength(WebhookSubscription.MaxUrlChars);
        e.Property(s => s.Secret).HasMaxLength(WebhookSubscription.MaxSecretChars);
        e.Property(s => s.Description).HasMaxLength(WebhookSubscription.MaxDescriptionChars);
        e.Property(s => s.CreatedBy).HasMaxLength(100);
        e.HasOne<Campaign>().WithMany().HasForeignKey(s => s.CampaignId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(s => s.CampaignId);
        e.Property(s => s.TeamId).HasDefaultValue(Teams.Team.DefaultId);
        e.HasOne<Teams.Team>().WithMany().HasForeignKey(s => s.TeamId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(s => s.TeamId);
    }
}

sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> e)
    {
        e.ToTable("webhook_deliveries");
        e.Property(d => d.Event).HasMaxLength(40);
        e.Property(d => d.OrderKey).HasMaxLength(60);
        e.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId)
            .OnDelete(DeleteBehavior.Cascade);
        // the sender's claim and its "anything earlier still pending for this key?" read only pending rows
        e.HasIndex(d => new { d.SubscriptionId, d.OrderKey, d.Id })
            .HasDatabaseName("ix_webhook_deliveries_pending_by_key").HasFilter("state = 'Pending'");
        e.HasIndex(d => d.NextAttemptAt).HasDatabaseName("ix_webhook_deliveries_due").HasFilter("state = 'Pending'");
        e.HasIndex(d => new { d.SubscriptionId, d.Id });
    }
}

sealed class WebhookAttemptConfiguration : IEntityTypeConfiguration<WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookAttempt> e)
    {
        e.ToTable("webhook_attempts");
        e.Property(a => a.Error).HasMaxLength(WebhookAttempt.MaxErrorChars);
        e.HasOne<WebhookDelivery>().WithMany().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(a => new { a.DeliveryId, a.Id });
    }
}
