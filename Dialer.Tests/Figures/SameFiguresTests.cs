using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dialer.Core.Campaigns;
using Dialer.Core.Compliance;
using Dialer.Core.Dialing;
using Dialer.Core.Figures;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Figures;

/// <summary>
/// One campaign through every kind of outcome, and every place that shows its figures: the dashboard, the summary
/// (the demo's report prints from it), the results, the compliance report, the timeline and the abandon ledger must
/// give the same number for every figure they share.
/// </summary>
public sealed class SameFiguresTests(FiguresWorld world) : IClassFixture<FiguresWorld>
{
    [Fact]
    public async Task Every_screen_gives_the_same_number_for_every_figure()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(16,
            s => s with { MachineHandling = MachineHandling.HangUp });
        await world.AvailableAgentAsync([campaign.Id]);
        // real calls: people (some given to the agent, the rest the message: abandoned), machines, unknown verdicts,
        // busy, no answer, failed
        var dialed = await world.DialAsync(campaign, contacts.Count);
        await world.WaitForAttemptsAsync(dialed.Select(a => a.Id), a => a.IsFinal, TimeSpan.FromSeconds(60));
        // what the simulator cannot be relied on to draw in a small campaign: a sale, a number on the list, one of each
        // end
        await SeedEveryKindAsync(campaign.Id, dialed[0].ContactId);

        var id = campaign.Id;
        var dashboard = (await world.Manager.GetFromJsonAsync<JsonArray>("/api/dashboard/campaigns"))!
            .Single(c => (Guid)c!["campaignId"]! == id)!;
        var summary = await GetAsync($"/api/campaigns/{id}/summary");
        var results = (await GetAsync($"/api/campaigns/{id}/results"))["totals"]!;
        var compliance = await GetAsync($"/api/campaigns/{id}/compliance");
        var ledger = await GetAsync($"/api/campaigns/{id}/abandon");
        var buckets = (await GetAsync($"/api/campaigns/{id}/timeline"))["buckets"]!.AsArray();
        long Timeline(string field) => buckets.Sum(b => (long)b![field]!);
        var demo = summary; // ops/demo prints the summary's figures and nothing else

        await using var db = world.Db();
        var attempts = await db.CallAttempts.AsNoTracking().Where(a => a.CampaignId == id).ToListAsync();
        long Code(CallFigure f) => attempts.Count(f.Is);
        var sql = await CallTotals.ForAsync(db, id, default);

        Same("dials", Code(CallFigures.Dials), sql.Dials, N(dashboard, "dials"), N(summary, "dials"),
            N(results, "dials"), Timeline("dials"));
        Same("live answers", Code(CallFigures.LiveAnswers), sql.LiveAnswers, N(dashboard, "humanAnswers"),
            N(demo, "answeredByPerson"),
            N(results, "humanAnswers"), N(compliance, "humanAnswers"), N(ledger, "liveAnswers"),
            N(summary["abandon"]!, "liveAnswers"),
            Timeline("humanAnswers"));
        Same("machine answers", Code(CallFigures.MachineAnswers), sql.MachineAnswers, N(dashboard, "machineAnswers"),
            N(demo, "answeredByMachine"), N(results, "machineAnswers"), N(ledger, "machineVerdicts"));
        Same("connects", Code(CallFigures.Connects), sql.Connects, N(dashboard, "connects"), N(demo, "bridged"),
            N(results, "connects"),
            Timeline("connects"));
        Same("abandoned", Code(CallFigures.Abandoned), sql.Abandoned, N(dashboard, "abandoned"), N(demo, "abandoned"),
            N(results, "abandoned"), N(compliance, "abandoned"), N(ledger, "abandoned"), Timeline("abandoned"));
        Same("conversions", Code(CallFigures.Conversions), sql.Conversions, N(dashboard, "conversions"),
            N(demo, "conversions"),
            N(results, "conversions"), Timeline("conversions"));
        Same("abandons left", N(ledger, "abandonsLeft"), N(dashboard, "abandonBudgetLeft"),
            N(summary["abandon"]!, "abandonsLeft"));
        Same("do-not-call stopped", Code(CallFigures.DoNotCallStopped), N(demo, "doNotCallStopped"),
            N(compliance, "doNotCallAttemptsStopped"));
        Same("no answers", Code(CallFigures.NoAnswers), N(demo, "noAnswers"), (long)summary["outcomes"]!["no-answer"]!);
        Same("busy", Code(CallFigures.Busy), N(demo, "busy"), (long)summary["outcomes"]!["busy"]!);
        Same("failed", Code(CallFigures.Failed), N(demo, "failed"));
        Assert.Equal(CallFigures.Ratio(N(ledger, "abandoned"), N(ledger, "liveAnswers")),
            (double)dashboard["abandonRate"]!);
        Assert.Equal((double)dashboard["abandonRate"]!, (double)compliance["abandonRate"]!);
        Assert.Equal((double)dashboard["conversionPerConnect"]!, (double)demo["conversionPerConnect"]!);
        Assert.Equal((double)dashboard["conversionPerConnect"]!, (double)results["conversionPerConnect"]!);

        // every kind was there to be counted, AMD's unknown among the live answers
        Assert.All(new[] { CallFigures.LiveAnswers, CallFigures.MachineAnswers, CallFigures.Abandoned,
            CallFigures.Conversions,
            CallFigures.NoAnswers, CallFigures.Busy, CallFigures.Failed, CallFigures.DoNotCallStopped },
            f => Assert.True(Code(f) > 0, f.Column));
        Assert.Contains(attempts, a => a.AnsweredBy == "unknown" && a.LiveAnswer);
    }

    [Theory]
    [InlineData(10_000, 100, 206)] // the issue's example: each further abandon is also a live answer
    [InlineData(10_000, 300, 0)] // at the target
    [InlineData(10_000, 400, 0)] // past it: nothing left, never a negative
    public void Abandons_left_is_the_ledgers_formula_and_never_negative(long live, long abandoned, long left) =>
        Assert.Equal(left, AbandonLedger.AbandonsLeft(live, abandoned, 0.03));

    void Same(string figure, params long[] values) =>
        Assert.True(values.Distinct().Count() == 1, $"{figure}: {string.Join(", ", values)}");

    static long N(JsonNode node, string field) => (long)node[field]!;

    async Task<JsonNode> GetAsync(string path) => (await world.Manager.GetFromJsonAsync<JsonObject>(path))!;

    /// <summary>A sale, an abandoned unknown verdict, a number stopped by the do-not-call list, and one of each
    /// unanswered end.</summary>
    async Task SeedEveryKindAsync(Guid campaignId, long contactId)
    {
        await using var db = world.Db();
        // after the campaign started (its ledger's window opens then: a fast run's calls may all end within 2 s of it),
        // and before the reports' now
        var started = await db.Campaigns.Where(c => c.Id == campaignId).Select(c => c.StartedAt).SingleAsync();
        var now = DateTimeOffset.UtcNow.AddSeconds(-2);
        if (started is { } start && now <= start) now = start.AddMilliseconds(1);
        CallAttempt Call(AttemptState state, string outcome) => new()
        {
            Id = Guid.NewGuid(), CampaignId = campaignId, ContactId = contactId, State = state, Outcome = outcome,
            CreatedAt = now,
            DialedAt = now, CallSid = state == AttemptState.Skipped ? null : "CA" + Guid.NewGuid().ToString("N"),
            EndedAt = now.AddSeconds(1),
        };
        var sale = Call(AttemptState.Completed, "completed");
        (sale.AnsweredAt, sale.AnsweredBy, sale.LiveAnswer, sale.BridgedAt) = (now, "human", true, now.AddSeconds(0.5));
        (sale.Disposition, sale.Converted, sale.DispositionedAt) = ("sale", true, now.AddSeconds(1));
        var unknown = Call(AttemptState.Completed, "completed");
        (unknown.AnsweredAt, unknown.AnsweredBy, unknown.LiveAnswer, unknown.MessageStartedAt, unknown.Abandoned) =
            (now, "unknown", true, now.AddSeconds(0.5), true);
        db.CallAttempts.AddRange(sale, unknown, Call(AttemptState.Busy, "busy"),
            Call(AttemptState.NoAnswer, "no-answer"),
            Call(AttemptState.Failed, "failed"), Call(AttemptState.Skipped, DialPermit.DoNotCall));
        await db.SaveChangesAsync();
    }
}
