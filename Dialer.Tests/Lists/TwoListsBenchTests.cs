using Dialer.Bench.TwoLists;
using Dialer.Core.Dialing;
using Dialer.Tests.Infrastructure;

namespace Dialer.Tests.Lists;

/// <summary>
/// ops/bench/twolists on 2,000 rows: one list attached to two running campaigns, claimed from both at once, checked
/// from the database. The second test claims with a deliberately broken copy of the claim (no permit, so no
/// per-number lock) and expects the same checks to find numbers the two campaigns dialed at once.
/// </summary>
public sealed class TwoListsBenchTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    const int Rows = 2_000;

    [Fact]
    public async Task Two_campaigns_claiming_one_list_at_once_never_dial_a_number_together_and_call_every_contact()
    {
        var run = await TwoListsRun.RunAsync(database.ConnectionString, Rows, 2, TwoCampaignDialing.RealClaim, _ => { },
            CancellationToken.None);

        var checks = run.Checks;
        Assert.Equal(0, checks.NumbersDialedAtOnce);
        Assert.Equal(0, checks.NumbersOverPersonCap);
        Assert.Equal(0, checks.ContactsOverCampaignCap);
        Assert.Equal(0, checks.CallsUnfinished);
        Assert.Equal(0, checks.ContactsUnexplained);
        Assert.Equal(2 * Rows, run.Dialing.Claimed); // every contact of both campaigns, once
        Assert.Equal(Rows, checks.NumbersDialedByBoth);
        Assert.True(checks.Ok);
    }

    [Fact]
    public async Task Without_the_per_number_lock_the_checks_find_numbers_dialed_by_both_campaigns_at_once()
    {
        var run = await TwoListsRun.RunAsync(database.ConnectionString, Rows, 2, WithoutPermit, _ => { },
            CancellationToken.None);

        Assert.True(run.Checks.NumbersDialedAtOnce > 0, "the broken claim dialed no number twice at once");
        Assert.False(run.Checks.Ok);
    }

    /// <summary>The claim with its permit left out (and with it PersonCalls' lock): due contacts locked and dialed.
    /// </summary>
    static readonly TwoCampaignDialing.Claim WithoutPermit = (db, changes, campaign, wanted, ct) =>
        changes.RunAsync<IReadOnlyList<CallAttempt>>(async (unit, token) =>
        {
            var claimer = new ContactClaimer(db);
            var due = await DueContacts.LockAsync(db, campaign.Id, unit.Now, wanted, null, token);
            return [.. due.Select(contact => claimer.StartAttempt(unit, campaign, contact))];
        }, ct);
}
