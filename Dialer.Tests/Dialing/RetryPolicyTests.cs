using Dialer.Core.Campaigns;
using Dialer.Core.Compliance;
using Dialer.Core.Compliance.Consents;
using Dialer.Core.Contacts;
using Dialer.Core.Dialing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dialer.Tests.Dialing;

/// <summary>The retry rules over generated cases: every end a call can meet, with every kind of campaign setting.
/// </summary>
public sealed class RetryPolicyTests
{
    static readonly DateTimeOffset Now = new(2026, 6, 10, 15, 0, 0, TimeSpan.Zero);
    static readonly string?[] DispositionsSeen = [null, "sale", "no-sale", "busy-signal", "wrong-number"];

    static readonly Gen<CampaignSettings> Settings =
        from maxAttempts in Gen.Choose(1, 10)
        from lockoutHours in Gen.Choose(1, CampaignSettingsValidator.MaxLockoutHours)
        from abandonedRetries in Gen.Choose(0, 10)
        from greetingDelay in Gen.Choose(1, 3000)
        from greetingRetries in Gen.Choose(0, 10)
        from busySignalDelay in Gen.Choose(1, 600)
        from busySignalRetries in Gen.Choose(1, 10)
        from mapped in Gen.Elements(true, false)
        select new CampaignSettings
        {
            MaxAttempts = maxAttempts,
            RetryRules = new RetryRules
            {
                Abandoned = new(lockoutHours, abandonedRetries),
                GreetingHangUp = new(greetingDelay, greetingRetries),
            },
            Dispositions = ["sale", "no-sale", "busy-signal", "callback", "do-not-call", "wrong-number"],
            DispositionRules = mapped
                ?
                [
                    new DispositionRule { Disposition = "no-sale", Retry = DispositionRetry.Never },
                    new DispositionRule
                    {
                        Disposition = "busy-signal", Retry = DispositionRetry.After, DelayMinutes = busySignalDelay,
                        MaxRetries = busySignalRetries,
                    },
                ]
                : [],
        };

    static readonly Gen<RetryCase> Cases =
        from end in Gen.Elements(Enum.GetValues<AttemptEnd>())
        from disposition in Gen.Elements(DispositionsSeen)
        from callbackMinutes in Gen.Elements<int?>(null, -30, 5, 600, 60 * 24 * 5)
        from attempts in Gen.Choose(1, 12)
        from sameEnd in Gen.Choose(0, 10)
        from sameDisposition in Gen.Choose(0, 10)
        from jurisdictionHours in Gen.Elements(0, 24, 72, 1000)
        select new RetryCase
        {
            End = end, Disposition = disposition,
            CallbackAt = callbackMinutes is { } m ? Now.AddMinutes(m) : null,
            AttemptsSoFar = attempts, SameEndBefore = sameEnd, SameDispositionBefore = sameDisposition,
            JurisdictionLockout = TimeSpan.FromHours(jurisdictionHours), Now = Now,
        };

    static Arbitrary<(CampaignSettings, RetryCase)> Both() =>
        (from s in Settings from c in Cases select (s, c)).ToArbitrary();

    [Property(MaxTest = 2000)]
    public Property An_abandoned_customer_is_never_called_again_before_the_campaign_s_or_the_jurisdiction_s_lockout() =>
        Prop.ForAll(Both(), t =>
        {
            var (settings, c) = t;
            var decision = RetryPolicy.Decide(settings, c);
            if (c.End != AttemptEnd.Abandoned || decision.At is not { } at) return true;
            return at >= Now.AddHours(settings.RetryRules.Abandoned.LockoutHours) && at >= Now + c.JurisdictionLockout;
        });

    [Property(MaxTest = 2000)]
    public Property No_contact_goes_past_its_attempts_except_once_for_an_agent_s_callback() =>
        Prop.ForAll(Both(), t =>
        {
            var (settings, c) = t;
            var decision = RetryPolicy.Decide(settings, c);
            if (decision.At is null) return true;
            return c.AttemptsSoFar < settings.MaxAttempts
                || (decision.IsCallback && c.AttemptsSoFar == settings.MaxAttempts);
        });

    [Property(MaxTest = 2000)]
    public Property Each_end_and_each_mapped_disposition_follows_its_own_rule_and_an_unmapped_one_changes_nothing() =>
        Prop.ForAll(Both(), t =>
        {
            var (settings, c) = t;
            var decision = RetryPolicy.Decide(settings, c);
            if (c.CallbackAt > Now)
                return decision == (c.AttemptsSoFar <= settings.MaxAttempts
                    ? new RetryDecision(c.CallbackAt is { } cb && c.End == AttemptEnd.Abandoned
                        ? Later(cb, Now + RetryPolicy.AbandonedLockout(settings, c.JurisdictionLockout)) : c.CallbackAt,
                        true)
                    : RetryDecision.Done);
            if (c.AttemptsSoFar >= settings.MaxAttempts) return decision == RetryDecision.Done;
            var mapped = DispositionRule.For(settings.DispositionRules, c.Disposition);
            var expected = mapped is not null ? ByDisposition(mapped, c) : ByEnd(settings, c);
            if (expected is { } at && c.End == AttemptEnd.Abandoned)
                expected = Later(at, Now + RetryPolicy.AbandonedLockout(settings, c.JurisdictionLockout));
            return decision == new RetryDecision(expected, false);
        });

    static DateTimeOffset? ByDisposition(DispositionRule rule, RetryCase c) =>
        rule.Retry == DispositionRetry.After && c.SameDispositionBefore < rule.MaxRetries
            ? Now.AddMinutes(rule.DelayMinutes) : null;

    static DateTimeOffset? ByEnd(CampaignSettings s, RetryCase c)
    {
        var r = s.RetryRules;
        RetryRule? rule = c.End switch
        {
            AttemptEnd.Busy => r.Busy,
            AttemptEnd.NoAnswer => r.NoAnswer,
            AttemptEnd.Machine => r.Machine,
            AttemptEnd.Failed => r.Failed,
            AttemptEnd.GreetingHangUp => r.GreetingHangUp,
            AttemptEnd.Abandoned => new RetryRule(0, r.Abandoned.MaxRetries),
            _ => null,
        };
        return rule is not null && c.SameEndBefore < rule.MaxRetries ? Now.AddMinutes(rule.DelayMinutes) : null;
    }

    static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    [Theory]
    [InlineData("completed", false, true, true, false, AttemptEnd.Abandoned)]
    [InlineData("completed", false, true, false, false, AttemptEnd.GreetingHangUp)]
    [InlineData("completed", false, true, false, true, AttemptEnd.Reached)]
    [InlineData("completed", true, false, false, false, AttemptEnd.Machine)]
    [InlineData("busy", false, false, false, false, AttemptEnd.Busy)]
    [InlineData("not-placed", false, false, false, false, AttemptEnd.Failed)]
    [InlineData("rejected", false, false, false, false, AttemptEnd.Other)]
    public void An_attempt_s_end_is_read_from_what_happened_on_the_call(string outcome, bool machine, bool live,
        bool abandoned, bool connected, AttemptEnd expected) =>
        Assert.Equal(expected, AttemptEnds.Of(outcome, machine, live, abandoned, connected, agentless: false));

    [Fact]
    public void A_live_answer_in_an_agentless_campaign_heard_its_message_and_is_not_a_hang_up() =>
        Assert.Equal(AttemptEnd.Reached, AttemptEnds.Of("completed", false, true, false, false, agentless: true));

    [Theory]
    [InlineData(4, false, true)]
    [InlineData(5, false, false)]
    [InlineData(5, true, true)]
    [InlineData(6, true, false)]
    public void The_permit_gives_a_callback_one_attempt_beyond_max_attempts_and_no_more(int attempts, bool callback,
        bool permitted)
    {
        var campaign = Campaign.Create(new CampaignSettings
        {
            Name = "c", CallerId = "+14155550100", MaxAttempts = 5, MaxAttemptsPer24Hours = 5,
            CallingWindow = new CallingWindow { Days = Enum.GetValues<DayOfWeek>() },
        }, Now);
        campaign.Status = CampaignStatus.Running;
        var contact = new Contact
        {
            Phone = "+14155550101", TimeZones = ["America/Chicago"], Attempts = attempts,
            Priority = callback ? DialPriority.Callback : DialPriority.Retry,
            CallbackAt = callback ? Now.AddMinutes(-1) : null,
        };
        var refusal = DialPermit.AtClaim(campaign, contact, false, ConsentKinds.All, 0, Now, DialLead.Default);
        Assert.Equal(permitted ? null : DialPermit.AttemptsExhausted, refusal);
    }
}
