using System.Diagnostics;
using System.Net;
using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;

namespace Dialer.Tests.Security;

/// <summary>Each test starts its own Api on its own database: every bucket starts full.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    readonly TestDatabase _database = new();
    KestrelApi? _api;

    [Fact]
    public async Task A_burst_of_made_up_keys_from_one_address_is_refused_before_the_keys_are_looked_up()
    {
        var api = Start(new() { ["RateLimit:AddressPermitsPerSecond"] = "1", ["RateLimit:AddressBurst"] = "20" });
        using var queries = new QueriesOn(_database.Name);

        var answers = await BurstAsync(api, 100, (request, _) => request.Headers.Add("X-Api-Key", User.NewKey()));

        Assert.True(answers.Count(s => s == HttpStatusCode.TooManyRequests) >= 75, Describe(answers));
        Assert.True(answers.Count(s => s == HttpStatusCode.Unauthorized) <= 25, Describe(answers));
        Assert.InRange(queries.Count, 1, 30); // the keys let through were looked up; the refused ones never were
    }

    [Fact]
    public async Task A_forwarded_address_from_a_sender_that_is_no_known_proxy_is_ignored()
    {
        var api = Start(new() { ["RateLimit:AddressPermitsPerSecond"] = "1", ["RateLimit:AddressBurst"] = "20" });

        var answers = await BurstAsync(api, 60, (request, i) =>
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i}"));

        Assert.True(answers.Count(s => s == HttpStatusCode.TooManyRequests) >= 35, Describe(answers));
    }

    [Fact]
    public async Task A_known_proxy_forwards_each_clients_own_address()
    {
        var api = Start(new()
        {
            ["RateLimit:AddressPermitsPerSecond"] = "1", ["RateLimit:AddressBurst"] = "20",
            ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
        });

        var answers = await BurstAsync(api, 60, (request, i) =>
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i}"));

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, answers);
    }

    [Fact]
    public async Task A_signed_in_user_has_a_bucket_of_their_own_after_authentication()
    {
        var api = Start(new() { ["RateLimit:PermitsPerSecond"] = "1", ["RateLimit:Burst"] = "10" });
        var (_, key) = await api.AddUserAsync(Role.Manager, "busy manager");
        var (_, other) = await api.AddUserAsync(Role.Manager, "quiet manager");

        var answers = await BurstAsync(api, 30, (request, _) => request.Headers.Add("X-Api-Key", key));
        using var quiet = api.ClientWith(other);

        Assert.True(answers.Count(s => s == HttpStatusCode.TooManyRequests) >= 15, Describe(answers));
        Assert.Equal(HttpStatusCode.OK, (await quiet.GetAsync("/api/users/me")).StatusCode);
    }

    KestrelApi Start(Dictionary<string, string?> settings)
    {
        settings.TryAdd("RateLimit:AddressPermitsPerSecond", "100000");
        settings.TryAdd("RateLimit:AddressBurst", "100000");
        _api = new KestrelApi(_database.ConnectionString, settings);
        _api.StartServer();
        return _api;
    }

    static async Task<List<HttpStatusCode>> BurstAsync(KestrelApi api, int count, Action<HttpRequestMessage, int> sign)
    {
        using var http = new HttpClient { BaseAddress = new Uri(api.Url) };
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/users/me");
            sign(request, i);
            using var response = await http.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                Assert.Equal("1", response.Headers.RetryAfter?.ToString());
            answers.Add(response.StatusCode);
        }
        return answers;
    }

    static string Describe(List<HttpStatusCode> answers) =>
        string.Join(", ", answers.GroupBy(s => s).Select(g => $"{g.Key}: {g.Count()}"));

    /// <summary>Counts the commands Npgsql sends to one database, from its own traces.</summary>
    sealed class QueriesOn : IDisposable
    {
        readonly ActivityListener _listener;
        int _count;
        public int Count => _count;

        public QueriesOn(string database)
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
                ActivityStopped = activity =>
                {
                    if (activity.Tags.Any(t => t.Value == database)) Interlocked.Increment(ref _count);
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public void Dispose() => _listener.Dispose();
    }

    public Task InitializeAsync() => _database.InitializeAsync();

    public async Task DisposeAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
        await _database.DisposeAsync();
    }
}
