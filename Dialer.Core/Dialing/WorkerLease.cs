using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dialer.Core.Dialing;

/// <summary>
/// A live Worker's heartbeat: how the Workers learn how many of them share the account's calls per second.
/// Times are the database's own clock, so the Workers' clocks need not agree.
/// </summary>
public sealed class WorkerLease
{
    public Guid Id { get; set; }
    /// <summary>The host and process, for a person reading the table.</summary>
    public string Node { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset LastSeen { get; set; }
}

sealed class WorkerLeaseConfiguration : IEntityTypeConfiguration<WorkerLease>
{
    public void Configure(EntityTypeBuilder<WorkerLease> e)
    {
        e.ToTable("worker_leases");
        e.Property(l => l.Node).HasMaxLength(200);
    }
}
