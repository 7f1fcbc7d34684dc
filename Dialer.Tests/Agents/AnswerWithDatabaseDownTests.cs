using Dialer.ServiceDefaults.Twilio;
using Dialer.Tests.Infrastructure;
using Dialer.TwilioSimulator.Hosting;
using Dialer.TwilioSimulator.Records;

namespace Dialer.Tests.Agents;

/// <summary>
/// PostgreSQL gone as the customer answers (reached through a port the test closes; the shared server stays up): the
/// answer cannot be recorded, but the customer hears <see cref="TwilioOptions.FallbackMessage"/> within 2 s, whether
/// the Worker answers or, with no Worker reachable, the Api's fallback URL does. Never a 500 (Twilio's application
/// error), never a wait for the database's retries.
/// </summary>
public abstract class DatabaseDownAtAnswerWorld : AgentsWorld
{
    public PortProxy Postgres { get; } = new(PortProxy.PostgreSql);

    /// <summary>Through the proxy: closing it takes the database away from the engine, not from the test.</summary>
    public string ProxiedConnectionString => new Npgsql.NpgsqlConnectionStringBuilder(Database.ConnectionString)
    { Port = Postgres.Port }.ConnectionString;

    /// <summary>Rings long enough for the test to take the database away between the dial and the answer.</summary>
    protected override SimulatorOptions SimulatorSettings()
    {
        var options = Patient(FastSimulator());
        options.RingTime = new(2500, 3000);
        return options;
    }

    protected override IDictionary<string, string?> WorkerSettings() =>
        new Dictionary<string, string?>(base.WorkerSettings())
        {
            ["ConnectionStrings:Dialer"] = ProxiedConnectionString,
        };

    public override async Task InitializeAsync()
    {
        Postgres.Open();
        await base.InitializeAsync();
    }

    /// <summary>Dials one customer, takes the database away while their phone rings, and returns their call once it
    /// ended, with its attempt; the database is back afterwards.</summary>
    public async Task<(SimCallRecord Call, Guid AttemptId)> AnsweredWithDatabaseDownAsync()
    {
        var (campaign, contacts) = await RunningCampaignAsync(1);
        await WarmUpAsync(AnswerUrl);
        var attempt = Assert.Single(await DialAsync(campaign, 1));
        var phone = contacts[0].Phone;
        try
        {
            await WaitForCallAsync(phone, c => c.Status == "ringing");
            Postgres.Close();
            return (await WaitForCallAsync(phone, c => c.Final), attempt.Id);
        }
        finally { Postgres.Open(); }
    }

    /// <summary>
    /// Once the database is back, the answer the customer got the message for is recorded: a live answer nobody was
    /// there for, in the abandon rate (before, the outage's answers were missing from it).
    /// </summary>
    public async Task AssertRecordedAsAbandonedAsync(Guid attemptId)
    {
        var done = Assert.Single(await WaitForAttemptsAsync([attemptId], a => a.Abandoned, TimeSpan.FromSeconds(30)));
        Assert.True(done.LiveAnswer);
        Assert.NotNull(done.MessageStartedAt);
    }

    /// <summary>Where Twilio's answer lands: the process to warm up first, as a process in service is.</summary>
    protected virtual string AnswerUrl => $"{Worker.PublicUrl}/twilio/answer/{Guid.NewGuid()}";

    /// <summary>
    /// A request without Twilio's signature (refused) wakes the route's code: the first request a fresh process serves
    /// takes a second or more on this shared machine, which is no part of what the test measures.
    /// </summary>
    static async Task WarmUpAsync(string url)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(url,
            new FormUrlEncodedContent([new("CallSid", "CA" + new string('0', 32))]));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}

public sealed class WorkerAnswerWithDatabaseDownTests(WorkerAnswerWithDatabaseDownTests.World world)
    : IClassFixture<WorkerAnswerWithDatabaseDownTests.World>
{
    public sealed class World : DatabaseDownAtAnswerWorld;

    [Fact]
    public async Task Workers_answer_with_the_database_down_plays_the_fallback_within_2_s_and_is_counted_once_back()
    {
        var (call, attemptId) = await world.AnsweredWithDatabaseDownAsync();

        Assert.Contains($"Say ({new TwilioOptions().FallbackMessage.Length} chars)", call.Trail);
        Assert.DoesNotContain(call.Trail, step => step.StartsWith("application error"));
        Assert.True(call.EndTime - call.AnsweredAt < TimeSpan.FromSeconds(2),
            $"the message ended {call.EndTime - call.AnsweredAt} after the answer; trail: "
                + $"{string.Join(" | ", call.Trail)}");
        await world.AssertRecordedAsAbandonedAsync(attemptId);
    }
}

public sealed class ApiFallbackWithDatabaseDownTests(ApiFallbackWithDatabaseDownTests.World world)
    : IClassFixture<ApiFallbackWithDatabaseDownTests.World>
{
    /// <summary>No Worker answers (its address leads nowhere), so Twilio asks the Api, whose database is down
    /// too.</summary>
    public sealed class World : DatabaseDownAtAnswerWorld
    {
        readonly Dictionary<string, string?> _apiSettings = [];
        public KestrelApi Api { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            Api = new KestrelApi(ProxiedConnectionString, _apiSettings);
            _apiSettings["Twilio:FallbackWebhookBaseUrl"] = Api.Url;
            await base.InitializeAsync();
            Api.StartServer();
        }

        protected override IDictionary<string, string?> WorkerSettings() =>
            new Dictionary<string, string?>(base.WorkerSettings())
            {
                ["Twilio:PublicWebhookBaseUrl"] = $"http://127.0.0.1:{WorkerFactory.FreePort()}",
                ["Twilio:FallbackWebhookBaseUrl"] = Api.Url,
            };

        protected override string AnswerUrl => $"{Api.Url}/twilio/answer-fallback/{Guid.NewGuid()}";

        public override async Task DisposeAsync()
        {
            await Api.DisposeAsync();
            await base.DisposeAsync();
        }
    }

    [Fact]
    public async Task Apis_fallback_with_the_database_down_plays_the_fallback_within_2_s_and_is_counted_once_back()
    {
        var (call, attemptId) = await world.AnsweredWithDatabaseDownAsync();

        Assert.Contains(call.Trail, step => step.StartsWith("request fallback"));
        Assert.Contains($"Say ({new TwilioOptions().FallbackMessage.Length} chars)", call.Trail);
        Assert.True(call.EndTime - call.AnsweredAt < TimeSpan.FromSeconds(2),
            $"the message ended {call.EndTime - call.AnsweredAt} after the answer; trail: "
                + $"{string.Join(" | ", call.Trail)}");
        await world.AssertRecordedAsAbandonedAsync(attemptId);
    }
}
