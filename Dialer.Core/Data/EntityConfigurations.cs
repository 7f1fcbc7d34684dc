using System.Text.Json;
using Dialer.Core.Agents;
using Dialer.Core.Auth;
using Dialer.Core.Campaigns;
using Dialer.Core.Compliance;
using Dialer.Core.Contacts;
using Dialer.Core.Dialing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dialer.Core.Data;

sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> e)
    {
        e.Property(c => c.Name).HasMaxLength(200);
        e.Property(c => c.Version).IsRowVersion();
        // The settings are one document: exported, diffed and versioned whole, and read whole by the pacer.
        e.Property(c => c.Settings)
            .HasColumnType("jsonb")
            .HasConversion(
                s => JsonSerializer.Serialize(s, DialerJson.Options),
                json => JsonSerializer.Deserialize<CampaignSettings>(json, DialerJson.Options)!,
                new ValueComparer<CampaignSettings>(
                    (a, b) => JsonSerializer.Serialize(a, DialerJson.Options)
                    == JsonSerializer.Serialize(b, DialerJson.Options),
                    s => JsonSerializer.Serialize(s, DialerJson.Options).GetHashCode(),
                    s => JsonSerializer.Deserialize<CampaignSettings>(JsonSerializer.Serialize(s, DialerJson.Options),
                    DialerJson.Options)!));
        e.HasIndex(c => c.Status);
        e.Property(c => c.TeamId).HasDefaultValue(Teams.Team.DefaultId); // rows written without a team: the default's
        e.HasIndex(c => c.TeamId);
    }
}

sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> e)
    {
        e.Property(c => c.Phone).HasMaxLength(16);
        e.Property(c => c.PhoneKind).HasMaxLength(8);
        ContactNumbersMapping.Map(e.Property(c => c.Numbers));
        e.Property(c => c.Name).HasMaxLength(200);
        e.Property(c => c.StatedJurisdiction).HasMaxLength(8);
        // one number across campaigns: its calls in the last 24 hours, its last abandoned call, a call in flight
        e.HasIndex(c => c.Phone);
        e.Property(c => c.CustomFields).HasColumnType("jsonb");
        e.Property(c => c.LastOutcome).HasMaxLength(32);
        e.Property(c => c.Disposition).HasMaxLength(64);
        e.HasIndex(c => new { c.CampaignId, c.Phone }).IsUnique();
        // The dialing query: due contacts of one campaign, in order of when they are due.
        // the import's INSERT ... SELECT leaves these out: the database fills them
        e.Property(c => c.Priority).HasConversion<short>().HasDefaultValue(DialPriority.Fresh)
            .HasSentinel(DialPriority.Fresh);
        e.Property(c => c.SkipCount).HasDefaultValue(0);
        // id last: the claim's order (priority, next_attempt_at, id) is the index's, with no sort (DueContacts)
        e.HasIndex(c => new { c.CampaignId, c.Status, c.Priority, c.NextAttemptAt, c.Id });
        e.HasOne<Campaign>().WithMany().HasForeignKey(c => c.CampaignId).OnDelete(DeleteBehavior.Cascade);
        // preview: "the contact this agent holds"; few rows ever have a holder
        e.Property(c => c.LastSkipReason).HasMaxLength(Contact.MaxSkipReasonLength);
        e.HasIndex(c => c.HeldByAgentId).HasFilter("held_by_agent_id IS NOT NULL");
        e.HasOne<Agent>().WithMany().HasForeignKey(c => c.HeldByAgentId).OnDelete(DeleteBehavior.SetNull);
        // retention: what is still to be anonymised
        e.HasIndex(c => c.LastAttemptAt).HasFilter("anonymised_at IS NULL");
    }
}

sealed class CallAttemptConfiguration : IEntityTypeConfiguration<CallAttempt>
{
    public void Configure(EntityTypeBuilder<CallAttempt> e)
    {
        e.Property(a => a.Id).ValueGeneratedNever();
        // a number, not a name: the states are ordered, and queries compare them (in flight = before Completed)
        e.Property(a => a.State).HasConversion<int>();
        e.Property(a => a.CallSid).HasMaxLength(CallAttempt.MaxCallSidLength);
        e.Property(a => a.CallerId).HasMaxLength(16);
        e.Property(a => a.PhoneKind).HasMaxLength(8);
        e.HasIndex(a => a.CallerId); // the callback line: who called this customer from this number
        e.Property(a => a.ConferenceSid).HasMaxLength(64);
        e.Property(a => a.AgentCallSid).HasMaxLength(64);
        e.Property(a => a.AnsweredBy).HasMaxLength(32);
        e.Property(a => a.Outcome).HasMaxLength(32);
        e.Property(a => a.Disposition).HasMaxLength(64);
        e.Property(a => a.DispositionNotes).HasMaxLength(2000);
        e.Property(a => a.ScriptAnswers).HasColumnType("jsonb");
        e.HasIndex(a => a.CallSid).IsUnique();
        // the abandon ledger: a campaign's answers over its window
        e.HasIndex(a => new { a.CampaignId, a.AnsweredAt });
        e.HasIndex(a => new { a.CampaignId, a.State });
        e.HasIndex(a => a.ContactId);
        // an erased person's calls, still counted by PersonCalls
        e.HasIndex(a => a.PhoneHash).HasFilter("phone_hash IS NOT NULL");
        e.HasOne<Campaign>().WithMany().HasForeignKey(a => a.CampaignId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Contact>().WithMany().HasForeignKey(a => a.ContactId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class AgentConfiguration : IEntityTypeConfiguration<Agent>
{
    public void Configure(EntityTypeBuilder<Agent> e)
    {
        e.Property(a => a.Name).HasMaxLength(200);
        e.Property(a => a.ClientIdentity).HasMaxLength(100);
        e.Property(a => a.BreakReason).HasMaxLength(100);
        e.Property(a => a.LogoutRequestedBy).HasMaxLength(200);
        e.Property(a => a.LogoutReason).HasMaxLength(200);
        e.Property(a => a.LineAddress).HasMaxLength(200);
        e.Property(a => a.LineCallSid).HasMaxLength(64);
        e.Property(a => a.LineReason).HasMaxLength(100);
        e.Property(a => a.RoomSid).HasMaxLength(64);
        e.HasIndex(a => a.LineCallSid).IsUnique();
        e.Property(a => a.Version).IsRowVersion();
        e.HasIndex(a => a.ClientIdentity).IsUnique();
        e.HasIndex(a => new { a.State, a.StateSince });
        // routing asks "Available agents of this campaign": a GIN index answers campaign_ids @> ARRAY[...]
        e.HasIndex(a => a.CampaignIds).HasMethod("gin");
        e.Property(a => a.TeamId).HasDefaultValue(Teams.Team.DefaultId);
        e.HasIndex(a => a.TeamId);
    }
}

sealed class AgentStateChangeConfiguration : IEntityTypeConfiguration<AgentStateChange>
{
    public void Configure(EntityTypeBuilder<AgentStateChange> e)
    {
        e.ToTable("agent_state_changes");
        // "from" and "to" are SQL keywords
        e.Property(c => c.From).HasColumnName("from_state");
        e.Property(c => c.To).HasColumnName("to_state");
        e.Property(c => c.Reason).HasMaxLength(500);
        e.Property(c => c.ChangedBy).HasMaxLength(200);
        e.HasIndex(c => new { c.AgentId, c.At });
        e.HasOne<Agent>().WithMany().HasForeignKey(c => c.AgentId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class DoNotCallConfiguration : IEntityTypeConfiguration<DoNotCallEntry>
{
    public void Configure(EntityTypeBuilder<DoNotCallEntry> e)
    {
        e.ToTable("do_not_call");
        e.Property(d => d.Phone).HasMaxLength(16);
        e.Property(d => d.Reason).HasMaxLength(500);
        e.Property(d => d.AddedBy).HasMaxLength(200);
        // the upload's INSERT … SELECT relies on the database's default
        e.Property(d => d.Source).HasMaxLength(20).HasDefaultValue(DoNotCallSources.Api);
        e.HasIndex(d => new { d.Phone, d.CampaignId }).IsUnique().AreNullsDistinct(false);
    }
}

sealed class DoNotCallRemovalConfiguration : IEntityTypeConfiguration<DoNotCallRemoval>
{
    public void Configure(EntityTypeBuilder<DoNotCallRemoval> e)
    {
        e.ToTable("do_not_call_removals");
        e.Property(d => d.Phone).HasMaxLength(16);
        e.Property(d => d.Reason).HasMaxLength(500);
        e.Property(d => d.AddedBy).HasMaxLength(200);
        e.Property(d => d.Source).HasMaxLength(20);
        e.Property(d => d.RemovedBy).HasMaxLength(200);
        e.Property(d => d.RemovalReason).HasMaxLength(DoNotCallRemovals.MaxReasonLength);
        e.HasIndex(d => d.Phone);
    }
}

sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> e)
    {
        e.Property(u => u.Name).HasMaxLength(200);
        e.Property(u => u.ApiKeyHash).HasMaxLength(64);
        e.HasIndex(u => u.ApiKeyHash).IsUnique();
        e.Property(u => u.Email).HasMaxLength(UserEmails.MaxLength);
        e.HasIndex(u => u.Email).IsUnique();
        e.Property(u => u.Phone).HasMaxLength(16);
        e.Property(u => u.ClientIdentity).HasMaxLength(121);
        e.HasIndex(u => u.ClientIdentity).IsUnique();
        e.Property(u => u.TeamId).HasDefaultValue(Teams.Team.DefaultId);
    }
}

sealed class PacingStateConfiguration : IEntityTypeConfiguration<Pacing.PacingState>
{
    public void Configure(EntityTypeBuilder<Pacing.PacingState> e)
    {
        e.ToTable("pacing_states");
        e.HasKey(p => p.CampaignId);
        e.Property(p => p.Node).HasMaxLength(200);
        e.HasOne<Campaign>().WithMany().HasForeignKey(p => p.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}
