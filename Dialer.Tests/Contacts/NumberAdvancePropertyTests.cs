using Dialer.Core.Campaigns;
using Dialer.Core.Compliance;
using Dialer.Core.Contacts;
using Dialer.Core.Dialing;
using Dialer.Core.Pacing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dialer.Tests.Contacts;

/// <summary>
/// A contact of several numbers through a generated run of calls, with the production rules (the claim's count, the
/// retry rules, <see cref="NumberAdvance"/>); what the database brings is a set of do-not-call numbers and numbers
/// other contacts hold.
/// </summary>
public sealed class NumberAdvancePropertyTests
{
    enum End { Busy, NoAnswer, Failed, Machine, Reached, WrongNumber, OptOut }

    static readonly DateTimeOffset Now = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);

    sealed record Case(string[] Kinds, bool[] OnDoNotCall, bool[] HeldElsewhere, string[]? Order, int MaxAttempts,
        int MaxRetries, End[] Ends);

    static Arbitrary<Case> Cases() => (
        from kinds in Gen.Shuffle(NumberKinds.All).SelectMany(all => Gen.Choose(1, all.Length)
            .Select(n => all.Take(n).ToArray()))
        from dnc in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(true)), (3, Gen.Constant(false))), kinds.Length)
        from held in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(true)), (4, Gen.Constant(false))), kinds.Length)
        from order in Gen.OneOf(Gen.Constant<string[]?>(null),
            Gen.Shuffle(NumberKinds.All).SelectMany(all => Gen.Choose(0, all.Length)
                .Select(n => (string[]?)all.Take(n).ToArray())))
        from maxAttempts in Gen.Choose(1, 3)
        from maxRetries in Gen.Choose(0, 2)
        from ends in Gen.ArrayOf(Gen.Elements(Enum.GetValues<End>()), 40)
        select new Case(kinds, dnc, held, order, maxAttempts, maxRetries, ends)).ToArbitrary();

    [Property(MaxTest = 3000)]
    public Property A_contact_never_dials_a_blocked_number_never_two_at_once_and_is_done_only_with_none_left() =>
        Prop.ForAll(Cases(), c =>
        {
            var numbers = c.Kinds.Select((k, i) => new ContactNumber
            {
                Kind = k, Phone = $"+1415555{i:D4}", TimeZones = ["America/New_York"],
            }).ToList();
            var doNotCall = numbers.Where((_, i) => c.OnDoNotCall[i]).Select(n => n.Phone).ToHashSet();
            var heldElsewhere = numbers.Where((_, i) => c.HeldElsewhere[i]).Select(n => n.Phone).ToHashSet();
            var settings = new CampaignSettings
            {
                Mode = DialingMode.Agentless, MaxAttempts = c.MaxAttempts,
                RetryRules = new RetryRules
                {
                    Busy = new(0, c.MaxRetries), NoAnswer = new(0, c.MaxRetries), Machine = new(0, c.MaxRetries),
                    Failed = new(0, c.MaxRetries),
                },
            };
            var ordered = NumberKinds.InOrder(numbers, c.Order).Select(n => n.Phone).ToList();
            var first = numbers.First(n => n.Phone == ordered[0]);
            // the import: a first number another contact holds is not imported, one on do-not-call is suppressed
            if (heldElsewhere.Contains(first.Phone)) return true.Label("not imported");
            var contact = new Contact
            {
                Phone = first.Phone, PhoneKind = first.Kind, TimeZones = first.TimeZones, NextAttemptAt = Now,
                Status = doNotCall.Contains(first.Phone) ? ContactStatus.Suppressed : ContactStatus.Pending,
                Numbers = numbers.Count > 1 ? numbers : null,
            };
            var blocked = heldElsewhere.ToDictionary(p => p, _ => NumberStatus.Duplicate);
            foreach (var p in doNotCall) blocked[p] = NumberStatus.DoNotCall;

            var dialed = new List<string>();
            var endsOnNumber = new List<AttemptEnd>();
            End? last = null;
            foreach (var end in c.Ends)
            {
                if (contact.Status != ContactStatus.Pending) break;
                var phone = contact.Phone;
                if (doNotCall.Contains(phone) || heldElsewhere.Contains(phone))
                    return false.Label($"dialed {phone}, which is blocked");
                if (contact.Numbers?.Single(n => n.Phone == phone).Status is { } status
                    && status != NumberStatus.Pending)
                    return false.Label($"dialed {phone}, which is {status}");
                if (dialed.Count > 0 && dialed[^1] != phone
                    && ordered.IndexOf(phone) < ordered.IndexOf(dialed[^1]))
                    return false.Label($"went back from {dialed[^1]} to {phone}");
                if (dialed.Count > 0 && dialed[^1] != phone) endsOnNumber.Clear();
                dialed.Add(phone);

                // the claim
                contact.Status = ContactStatus.Dialing;
                contact.Attempts++;
                var attempt = CallAttempt.Create(Guid.NewGuid(), 1, Now, contact.PhoneKind);
                attempt.Advance(AttemptState.Ringing, Now);
                // while the call lasts: an agent's wrong number or the customer's opt-out comes mid-call
                if (end == End.WrongNumber)
                {
                    attempt.Disposition = "wrong-number";
                    contact.Status = ContactStatus.Done;
                }
                if (end == End.OptOut) contact.Status = ContactStatus.Suppressed;
                if (NumberAdvance.SpentBy(contact, attempt, settings.Mode) is not null || contact.Phone != phone)
                    return false.Label("moved to another number while a call was up");

                Finish(attempt, end);
                var attemptEnd = AttemptEnds.Of(attempt, settings.Mode);
                contact.Record(attempt, settings, endsOnNumber.Count(e => e == attemptEnd), Now, DialLead.Default);
                endsOnNumber.Add(attemptEnd);
                if (NumberAdvance.SpentBy(contact, attempt, settings.Mode) is { } spent)
                    Advance(contact, spent, attempt.Outcome, c.Order, blocked);
                last = end;
            }
            if (contact.Status == ContactStatus.Pending) return false.Label("still due after 40 calls");

            var waiting = (contact.Numbers ?? [])
                .Where(n => n.Status == NumberStatus.Pending && n.Phone != contact.Phone);
            var reached = last is End.Reached or End.OptOut;
            return (contact.Status != ContactStatus.Done || reached || !waiting.Any())
                .Label($"done after {last} with {waiting.Count()} number(s) left")
                .And((contact.Status != ContactStatus.Suppressed || last == End.OptOut || dialed.Count == 0)
                    .Label("suppressed without an opt-out"));
        });

    /// <summary>As <see cref="ContactNextNumber.MoveOnAsync"/>, with the database's answers given.</summary>
    static void Advance(Contact contact, NumberStatus spent, string? outcome, string[]? order,
        Dictionary<string, NumberStatus> blocked)
    {
        var step = NumberAdvance.Next(contact.Numbers!, contact.Phone, spent, contact.Attempts, outcome, order,
            blocked);
        if (step.Next is { } next) contact.MoveTo(next, step.Numbers, Now);
        else
        {
            contact.Numbers = step.Numbers;
            contact.NextAttemptAt = null;
        }
    }

    static void Finish(CallAttempt attempt, End end)
    {
        switch (end)
        {
            case End.Busy: attempt.Advance(AttemptState.Busy, Now); break;
            case End.NoAnswer: attempt.Advance(AttemptState.NoAnswer, Now); break;
            case End.Failed: attempt.Advance(AttemptState.Failed, Now); break;
            case End.Machine:
                attempt.AnsweredBy = "machine_start";
                attempt.Advance(AttemptState.Completed, Now);
                break;
            default:
                attempt.LiveAnswer = true;
                attempt.Advance(AttemptState.InProgress, Now);
                attempt.Advance(AttemptState.Completed, Now);
                break;
        }
    }
}
