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

    protected override IDictionary<string, string?> WorkerSettings() => new Dictionary<string, string?>(base.WorkerSettings())
    {
        ["ConnectionStrings:Dialer"] = ProxiedConnectionString,
    };

    public override async Task InitializeAsync()
    {
        Postgres.Open();
        await base.InitializeAsync();
    }

    /// <summary>Dials one customer, takes the database away while their phone rings, and returns their call once it
    /// ended; the database is back afterwards.</summary>
    public async Task<SimCallRecord> AnsweredWithDatabaseDownAsync()
    {
        var (campaign, contacts) = await RunningCampaignAsync(1);
        await WarmUpAsync(AnswerUrl);
        await DialAsync(campaign, 1);
        var phone = contacts[0].Phone;
        try
        {
            await WaitForCallAsync(phone, c => c.Status == "ringing");
            Postgres.Close();
            return await WaitForCallAsync(phone, c => c.Final);
        }
        finally { Postgres.Open(); }
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
        using var response = await http.PostAsync(url, new FormUrlEncodedContent([new("CallSid", "CA" + new string('0', 32))]));
    }

    async Task<SimCallRecord> WaitForCallAsync(string phone, Func<SimCallRecord, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            if (Simulator.Calls.Snapshot(phone).FirstOrDefault() is { } call && done(call)) return call;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the call to the customer is not there yet");
            await Task.Delay(50);
        }
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
    public async Task The_Workers_answer_with_the_database_down_says_the_fallback_message_within_2_s()
    {
        var call = await world.AnsweredWithDatabaseDownAsync();

        Assert.Contains($"Say ({new TwilioOptions().FallbackMessage.Length} chars)", call.Trail);
        Assert.DoesNotContain(call.Trail, step => step.StartsWith("application error"));
        Assert.True(call.EndTime - call.AnsweredAt < TimeSpan.FromSeconds(2),
            $"the message ended {call.EndTime - call.AnsweredAt} after the answer; trail: {string.Join(" | ", call.Trail)}");
    }
}

public sealed class ApiFallbackWithDatabaseDownTests(ApiFallbackWithDatabaseDownTests.World world)
    : IClassFixture<ApiFallbackWithDatabaseDownTests.World>
{
    /// <summary>No Worker answers (its address leads nowhere), so Twilio asks the Api, whose database is down too.</summary>
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

        protected override IDictionary<string, string?> WorkerSettings() => new Dictionary<string, string?>(base.WorkerSettings())
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
    public async Task The_Apis_fallback_with_the_database_down_says_the_fallback_message_within_2_s()
    {
        var call = await world.AnsweredWithDatabaseDownAsync();

        Assert.Contains(call.Trail, step => step.StartsWith("request fallback"));
        Assert.Contains($"Say ({new TwilioOptions().FallbackMessage.Length} chars)", call.Trail);
        Assert.True(call.EndTime - call.AnsweredAt < TimeSpan.FromSeconds(2),
            $"the message ended {call.EndTime - call.AnsweredAt} after the answer; trail: {string.Join(" | ", call.Trail)}");
    }
}
