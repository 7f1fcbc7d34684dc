using System.Text.RegularExpressions;
using Dialer.Tests.Infrastructure;

namespace Dialer.Tests.Managers;

public sealed class PeopleAnswerWithNoAgents : DialingWorld;

public sealed class WorkerMetricsTests(PeopleAnswerWithNoAgents world) : IClassFixture<PeopleAnswerWithNoAgents>
{
    [Fact]
    public async Task The_workers_metrics_count_its_dials_answers_and_abandoned_calls()
    {
        var (campaign, _) = await world.RunningCampaignAsync(3);

        var attempts = await world.DialAsync(campaign, 3);
        // what is counted is what the worker did; every call is over before the counters are read
        var ids = attempts.Select(a => a.Id).ToList();
        for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            await using var db = world.Db();
            if (db.CallAttempts.Count(a => ids.Contains(a.Id) && a.State >= Dialer.Core.Dialing.AttemptState.Completed) == ids.Count) break;
        }
        using var http = new HttpClient();
        var text = "";
        // the counters move just after each commit, so a scrape may be a moment behind the database
        for (var deadline = DateTime.UtcNow.AddSeconds(10); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            text = await http.GetStringAsync(world.Worker.PublicUrl + "/metrics");
            if (Count(text, "calls_abandoned_total") >= 1 && Count(text, "calls_answered_total") >= 1) break;
        }

        Assert.True(Count(text, "dials_total") >= 1, text);
        Assert.True(Count(text, "calls_answered_total") >= 1, text);
        Assert.True(Count(text, "calls_abandoned_total") >= 1, text); // no agent to take them yet: every live answer is abandoned
        Assert.Contains("answer_webhook_duration_seconds_bucket", text);
    }

    static double Count(string exposition, string name) =>
        Regex.Matches(exposition, $@"^{name}(\{{[^}}]*\}})? (\S+)", RegexOptions.Multiline).Sum(m => double.Parse(m.Groups[2].Value));
}
