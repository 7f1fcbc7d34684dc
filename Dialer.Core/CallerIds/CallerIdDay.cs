using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dialer.Core.CallerIds;

/// <summary>
/// One caller ID's day, in the number's own time zone: shared by every Worker through PostgreSQL, so the cap holds
/// however many dial. Rows of past days stay as the record of each number's use.
/// </summary>
public sealed class CallerIdDay
{
    public string Phone { get; set; } = "";
    public DateOnly Day { get; set; }
    public int Calls { get; set; }
    public int Answers { get; set; }
    public DateTimeOffset? RestedAt { get; set; }
    /// <summary>Calls and answers when a manager last cleared the rest: the rule judges what came after.</summary>
    public int ClearedCalls { get; set; }
    public int ClearedAnswers { get; set; }
    public DateTimeOffset? ClearedAt { get; set; }
    public string? ClearedBy { get; set; }

    public NumberUse Use => new(Calls, Answers, RestedAt is not null, ClearedCalls, ClearedAnswers);
}

sealed class CallerIdDayConfiguration : IEntityTypeConfiguration<CallerIdDay>
{
    public void Configure(EntityTypeBuilder<CallerIdDay> e)
    {
        e.ToTable("caller_id_days");
        e.HasKey(d => new { d.Phone, d.Day });
        e.Property(d => d.Phone).HasMaxLength(16);
        e.Property(d => d.ClearedBy).HasMaxLength(200);
    }
}
