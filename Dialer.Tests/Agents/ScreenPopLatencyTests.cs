using System.Collections.Concurrent;
using System.Diagnostics;
using Dialer.Contracts;
using Dialer.Core.Contacts;
using Dialer.Core.Dialing;
using Dialer.Tests.Infrastructure;
using Dialer.TwilioSimulator.Callbacks;
using MassTransit;
using Xunit.Abstractions;

namespace Dialer.Tests.Agents;

/// <summary>
/// How long the screen pop (CallBridgedToAgent) takes from the answer webhook's reply to a consumer on RabbitMQ: the
/// hop the agent console waits on, before the Api forwards it over SignalR.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class ScreenPopLatencyTests(InstantAgents world, ITestOutputHelper output) : IClassFixture<InstantAgents>
{
    const int Answers = 30;

    [Fact]
    public async Task The_screen_pop_reaches_RabbitMQ_well_within_100_ms_of_the_answer()
    {
        var (campaign, _) = await world.RunningCampaignAsync(0);
        await world.AvailableAgentsAsync(campaign.Id, Answers + 5);
        var attempts = await RingingAttemptsAsync(campaign.Id, Answers + 5);
        var arrived = new ConcurrentDictionary<Guid, long>();
        var listener = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host("127.0.0.1", TestVirtualHost.Name ?? "/", h => { h.Username("guest"); h.Password("guest"); });
            cfg.ReceiveEndpoint("test-screen-pop-" + Guid.NewGuid().ToString("N")[..8], e =>
            {
                e.AutoDelete = true;
                e.Durable = false;
                e.Handler<CallBridgedToAgent>(c =>
                {
                    arrived.TryAdd(c.Message.AttemptId, Stopwatch.GetTimestamp());
                    return Task.CompletedTask;
                });
            });
        });
        await listener.StartAsync();
        try
        {
            using var http = new HttpClient();
            foreach (var warm in attempts.Take(5)) await AnswerAsync(http, warm);
            var times = new List<double>();
            foreach (var id in attempts.Skip(5))
            {
                var answered = await AnswerAsync(http, id);
                var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
                while (!arrived.ContainsKey(id) && DateTime.UtcNow < deadline) await Task.Delay(1);
                Assert.True(arrived.TryGetValue(id, out var at), $"no screen pop for {id}");
                times.Add(Stopwatch.GetElapsedTime(answered, at).TotalMilliseconds);
            }
            var sorted = times.Order().ToList();
            var line = $"screen pop after the answer's reply: p50 {sorted[sorted.Count / 2]:0.0} ms, " +
                       $"max {sorted[^1]:0.0} ms ({times.Count} answers)";
            output.WriteLine(line);
            Console.WriteLine(line);
            Assert.True(sorted[sorted.Count / 2] < 100, line);
        }
        finally { await listener.StopAsync(); }
    }

    /// <returns>the moment the reply was read</returns>
    async Task<long> AnswerAsync(HttpClient http, Guid attemptId)
    {
        var url = $"{world.Worker.PublicUrl}/twilio/answer/{attemptId}";
        List<KeyValuePair<string, string>> form =
            [new("CallSid", "CA" + attemptId.ToString("N")), new("CallStatus", "in-progress"), new("AnsweredBy",
                "human")];
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.TryAddWithoutValidation(WebhookSigner.Header, WebhookSigner.Sign("simulator-auth-token", url,
            form));
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var at = Stopwatch.GetTimestamp();
        Assert.True(response.IsSuccessStatusCode && body.Contains("<Conference"), body);
        return at;
    }

    async Task<List<Guid>> RingingAttemptsAsync(Guid campaignId, int count)
    {
        await using var db = world.Db();
        var now = DateTimeOffset.UtcNow;
        var contacts = Enumerable.Range(0, count).Select(i => new Contact
        {
            CampaignId = campaignId, Phone = $"+1415{i:D7}", TimeZones = ["America/Chicago"],
            Status = ContactStatus.Dialing, CreatedAt = now,
        }).ToList();
        db.Contacts.AddRange(contacts);
        await db.SaveChangesAsync();
        var attempts = contacts.Select(c =>
        {
            var a = CallAttempt.Create(campaignId, c.Id, now);
            (a.State, a.DialedAt) = (AttemptState.Ringing, now);
            return a;
        }).ToList();
        db.CallAttempts.AddRange(attempts);
        await db.SaveChangesAsync();
        return attempts.Select(a => a.Id).ToList();
    }
}
