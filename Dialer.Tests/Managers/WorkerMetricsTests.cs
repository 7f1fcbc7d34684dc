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
        // Twilio's "too many requests": retried, and counted by its code
        world.Simulator.Faults.Apply(SimFaults.Patch(error429Next: 1));

        var attempts = await world.DialAsync(campaign, 3);
        // what is counted is what the worker did; every call is over before the counters are read
        var ids = attempts.Select(a => a.Id).ToList();
        for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            await using var db = world.Db();
            if (db.CallAttempts.Count(a =>
                ids.Contains(a.Id) && a.State >= Dialer.Core.Dialing.AttemptState.Completed) == ids.Count) break;
        }
        using var http = new HttpClient();
        var text = "";
        // the counters move just after each commit, so a scrape may be a moment behind the database
        for (var deadline = DateTime.UtcNow.AddSeconds(10); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            text = await http.GetStringAsync(world.Worker.ManagementUrl + "/metrics");
            if (Count(text, "calls_abandoned_total") >= 1 && Count(text, "calls_answered_total") >= 1
                && text.Contains("queue_messages{")) break;
        }

        Assert.True(Count(text, "dials_total") >= 1, text);
        Assert.True(Count(text, "calls_answered_total") >= 1, text);
        // no agent to take them yet: every live answer is abandoned
        Assert.True(Count(text, "calls_abandoned_total") >= 1, text);
        Assert.Contains("answer_webhook_duration_seconds_bucket", text);
        Assert.True(
            Count(text, "twilio_request_duration_seconds_count", "resource=\"Calls\"", "method=\"POST\"",
                "status=\"201\"") >= 3, text);
        // >=: every in-process worker of the test run reports into one meter
        Assert.True(Count(text, "twilio_errors_total", "code=\"20429\"") >= 1, text);
        Assert.Matches(@"(?m)^queue_messages\{[^}]*queue=""[^""]*place-call[^""]*""[^}]*\} \d+", text);
    }

    [Theory]
    [InlineData("https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Calls.json", "Calls")]
    [InlineData("http://127.0.0.1:5090/2010-04-01/Accounts/AC00000000000000000000000000000001/Calls.json", "Calls")]
    [InlineData("https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef"
        + "/Calls/CA0123456789abcdef0123456789abcdef.json", "Calls/{sid}")]
    [InlineData("https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef"
        + "/Conferences/CF0123456789abcdef0123456789abcdef/Participants.json", "Conferences/{sid}/Participants")]
    public void Twilio_requests_are_named_by_resource_without_their_account_or_ids(string url, string resource) =>
        Assert.Equal(resource, Dialer.Worker.Dialing.TwilioMetricsHandler.ResourceOf(new Uri(url)));

    /// <summary>The sum of a metric's series, over those whose labels contain every one of <paramref
    /// name="labels"/>.</summary>
    static double Count(string exposition, string name, params string[] labels) =>
        Regex.Matches(exposition, $@"^{name}(\{{[^}}]*\}})? (\S+)", RegexOptions.Multiline)
            .Where(m => labels.All(m.Groups[1].Value.Contains))
            .Sum(m => double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
}
