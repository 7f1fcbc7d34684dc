using Dialer.Core.Dialing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dialer.Tests.Dialing;

/// <summary>
/// A customer's answered call as Twilio reports it: initiated, ringing, in-progress and completed callbacks (numbered
/// 0 to 3) and the answer webhook, each delivered once or more, each late by its own delay, so they arrive in any
/// order. Applied as the Worker applies them, the attempt always ends Completed with the customer recorded as
/// answered: never before the dial, never after the end, never more than a second (the duration's rounding) before
/// the true answer.
/// </summary>
public class CallbackOrderPropertyTests
{
    static readonly DateTimeOffset Dialed = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    public sealed record Delivery(string Status, int? Sequence, DateTimeOffset ReceivedAt);

    public sealed record Call(int RingMs, int TalkMs, List<Delivery> Deliveries)
    {
        public DateTimeOffset AnsweredAt => Dialed.AddMilliseconds(RingMs);
        public int DurationSeconds => (int)Math.Ceiling(TalkMs / 1000.0);
        public override string ToString() => $"ring {RingMs} ms, talk {TalkMs} ms: "
            + string.Join(", ", Deliveries.Select(d => $"{d.Status}@{(d.ReceivedAt - Dialed).TotalMilliseconds}"));
    }

    const string AnswerWebhook = "answer-webhook";

    static Gen<List<DateTimeOffset>> Receipts(DateTimeOffset fired) =>
        from copies in Gen.Choose(1, 3)
        from delays in Gen.ArrayOf(Gen.Choose(0, 5_000), copies)
        select delays.Select(d => fired.AddMilliseconds(d)).ToList();

    static Gen<Call> Calls() =>
        from ring in Gen.Choose(0, 30_000)
        from talk in Gen.Choose(0, 120_000)
        from initiated in Receipts(Dialed)
        from ringing in Receipts(Dialed)
        from inProgress in Receipts(Dialed.AddMilliseconds(ring))
        from answer in Receipts(Dialed.AddMilliseconds(ring))
        from completed in Receipts(Dialed.AddMilliseconds(ring + talk))
        select new Call(ring, talk, [
            .. initiated.Select(t => new Delivery("initiated", 0, t)),
            .. ringing.Select(t => new Delivery("ringing", 1, t)),
            .. inProgress.Select(t => new Delivery("in-progress", 2, t)),
            .. answer.Select(t => new Delivery(AnswerWebhook, null, t)),
            .. completed.Select(t => new Delivery("completed", 3, t)),
        ]);

    /// <summary>As TwilioWebhooks.Status and AnswerRouting change the attempt, in the order they came.</summary>
    static CallAttempt Apply(Call call)
    {
        var attempt = new CallAttempt
        {
            Id = Guid.NewGuid(), CampaignId = Guid.NewGuid(), ContactId = 1, State = AttemptState.Queued,
            CallSid = "CA" + new string('1', 32), CreatedAt = Dialed, DialedAt = Dialed,
        };
        foreach (var d in call.Deliveries.OrderBy(d => d.ReceivedAt))
        {
            if (d.Status == AnswerWebhook)
            {
                attempt.Advance(AttemptState.InProgress, d.ReceivedAt);
                continue;
            }
            var state = TwilioStatus.ToState(d.Status)!.Value;
            if (state.IsFinal()) attempt.DurationSeconds = call.DurationSeconds;
            attempt.Advance(state, d.ReceivedAt, d.Sequence);
        }
        return attempt;
    }

    [Property(MaxTest = 2000)]
    public Property An_answered_call_is_recorded_as_answered_whatever_the_order_of_its_callbacks() =>
        Prop.ForAll(Calls().ToArbitrary(), call =>
        {
            var a = Apply(call);
            return a.State == AttemptState.Completed && a.Outcome == "completed"
                && a.AnsweredAt is { } answered && a.EndedAt is { } ended
                && answered >= Dialed && answered <= ended
                && answered >= call.AnsweredAt.AddSeconds(-1);
        });

    [Fact]
    public void A_completed_callback_ahead_of_every_answer_dates_the_answer_its_duration_before_the_end()
    {
        var call = new Call(4_000, 11_500, [
            new("completed", 3, Dialed.AddSeconds(16)),
            new("in-progress", 2, Dialed.AddSeconds(17)),
            new(AnswerWebhook, null, Dialed.AddSeconds(18)),
        ]);

        var a = Apply(call);

        Assert.Equal((AttemptState.Completed, Dialed.AddSeconds(16), Dialed.AddSeconds(4)),
            (a.State, a.EndedAt, a.AnsweredAt));
    }
}
