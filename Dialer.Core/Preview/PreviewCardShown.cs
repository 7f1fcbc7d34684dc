using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dialer.Core.Preview;

/// <summary>How a card an agent was shown ended.</summary>
public enum PreviewCardOutcome
{
    /// <summary>The agent skipped it.</summary>
    Skipped,
    /// <summary>The agent dialed it.</summary>
    Dialed,
    /// <summary>The agent let the hold go (ran out, or they took no decision before their next claim).</summary>
    Lapsed,
    /// <summary>The engine took it back at the dial: the contact could not be called then.</summary>
    Withdrawn,
}

/// <summary>
/// One preview card shown to one agent, kept for the campaign's managers: who saw which contact, when, and what they
/// did with it. Written with the claim, ended with the skip or the dial, in their units of work.
/// </summary>
public sealed class PreviewCardShown
{
    public long Id { get; set; }
    public Guid AgentId { get; set; }
    public long ContactId { get; set; }
    public Guid CampaignId { get; set; }
    public DateTimeOffset ShownAt { get; set; }
    public DateTimeOffset HeldUntil { get; set; }
    public PreviewCardOutcome? Outcome { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Skipped or let go: what the skip cap counts.</summary>
    public static readonly PreviewCardOutcome[] PassedOver = [PreviewCardOutcome.Skipped, PreviewCardOutcome.Lapsed];

    public void End(PreviewCardOutcome outcome, DateTimeOffset at)
    {
        Outcome = outcome;
        EndedAt = at;
    }
}

sealed class PreviewCardShownConfiguration : IEntityTypeConfiguration<PreviewCardShown>
{
    public void Configure(EntityTypeBuilder<PreviewCardShown> e)
    {
        e.ToTable("preview_cards");
        // the skip cap counts an agent's recent ends; the managers' log pages a campaign's cards by id
        e.HasIndex(c => new { c.AgentId, c.EndedAt });
        e.HasIndex(c => new { c.CampaignId, c.Id });
    }
}
