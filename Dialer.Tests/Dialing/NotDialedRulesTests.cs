using Dialer.Core.Campaigns;
using Dialer.Core.Compliance;
using Dialer.Core.Contacts;
using Dialer.Core.Dialing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dialer.Tests.Dialing;

/// <summary>What becomes of a contact whose attempt ended before its call was placed.</summary>
public sealed class NotDialedRulesTests
{
    static readonly string[] Zones = ["America/New_York", "America/Chicago", "America/Los_Angeles", "Pacific/Honolulu"];

    static readonly CampaignSettings Settings = new()
    {
        Name = "c", CallerId = "+14155550100", MaxAttempts = 3,
        CallingWindow = new CallingWindow { Days = Enum.GetValues<DayOfWeek>() },
    };

    [Property(MaxTest = 500)]
    public Property An_attempt_ended_unsent_never_spends_an_attempt_and_ends_the_contact_only_on_do_not_call() =>
        Prop.ForAll((
            from refusal in Gen.Elements(DialPermit.DoNotCall, DialPermit.OutsideHours, DialPermit.CampaignNotRunning,
                CallAttempt.NotSent)
            from attempts in Gen.Choose(1, 3)
            from zones in Gen.SubListOf(Zones).Where(z => z.Count > 0)
            from minute in Gen.Choose(0, 366 * 24 * 60)
            select (refusal, attempts, zones: zones.ToArray(), minute)).ToArbitrary(),
            t =>
            {
                var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(t.minute);
                var due = now.AddMinutes(-5);
                // as the claim leaves it: in flight, its attempt counted
                var contact = new Contact
                {
                    Status = ContactStatus.Dialing, Attempts = t.attempts, TimeZones = t.zones, NextAttemptAt = due,
                    Priority = DialPriority.Retry,
                };
                var attempt = CallAttempt.Create(Guid.NewGuid(), 1, now);
                if (t.refusal == CallAttempt.NotSent) attempt.Stranded("its PlaceCall was not taken", now);
                else attempt.RefusedAtDial(t.refusal, now);

                contact.Record(attempt, Settings, sameEndBefore: 0, now, DialLead.Default);

                var unspent = contact.Attempts == t.attempts - 1 && attempt.DialedAt is null && attempt.IsFinal;
                var placed = t.refusal switch
                {
                    DialPermit.DoNotCall => contact.Status == ContactStatus.Suppressed,
                    DialPermit.CampaignNotRunning or CallAttempt.NotSent =>
                        contact.Status == ContactStatus.Pending && contact.NextAttemptAt == due,
                    _ => contact.Status == ContactStatus.Pending && contact.NextAttemptAt >= now
                         && CallingHours.IsOpenThrough(Settings.CallingWindow, t.zones, contact.NextAttemptAt!.Value,
                             DialLead.Default.AtClaim),
                };
                return (unspent && placed && contact.Priority == DialPriority.Retry)
                    .Label($"{t.refusal}: {contact.Status} {contact.Attempts} {contact.NextAttemptAt:O}");
            });

    [Fact]
    public void An_attempt_already_placed_is_never_turned_into_a_refusal()
    {
        var attempt = CallAttempt.Create(Guid.NewGuid(), 1, DateTimeOffset.UtcNow);
        attempt.Placed("CA1", AttemptState.Ringing, DateTimeOffset.UtcNow);

        Assert.False(attempt.RefusedAtDial(DialPermit.OutsideHours, DateTimeOffset.UtcNow));
        Assert.Equal(AttemptState.Ringing, attempt.State);
    }

    [Fact]
    public void Only_an_attempt_no_Worker_took_is_ended_as_stranded()
    {
        var now = DateTimeOffset.UtcNow;
        var taken = CallAttempt.Create(Guid.NewGuid(), 1, now);
        taken.State = AttemptState.Dialing;
        var waiting = CallAttempt.Create(Guid.NewGuid(), 1, now);

        Assert.False(taken.Stranded("late", now));
        Assert.Equal(AttemptState.Dialing, taken.State);
        Assert.True(waiting.Stranded("late", now));
        Assert.Equal((AttemptState.Skipped, CallAttempt.NotSent, "late"),
            (waiting.State, waiting.Outcome, waiting.Error));
    }
}
