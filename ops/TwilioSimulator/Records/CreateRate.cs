using Dialer.TwilioSimulator.Hosting;
using Microsoft.Extensions.Options;

namespace Dialer.TwilioSimulator.Records;

/// <summary>
/// Calls created per calendar second, per account, and the seconds over the account's rate (CallsPerSecond): how a
/// test or a cluster run sees whether the engine's Workers together kept to the account's limit. The last hour of
/// seconds is kept; the counts of seconds over the limit and the peak cover everything since the last reset.
/// </summary>
public sealed class CreateRate(IOptions<SimulatorOptions> options, TimeProvider time)
{
    const int KeptSeconds = 3600;
    readonly Lock _gate = new();
    readonly Dictionary<string, Account> _accounts = new(StringComparer.Ordinal);

    public void Created(string accountSid)
    {
        var second = time.GetUtcNow().ToUnixTimeSeconds();
        lock (_gate)
        {
            if (!_accounts.TryGetValue(accountSid, out var account))
                _accounts[accountSid] = account = new Account();
            var count = account.Seconds[second] = account.Seconds.GetValueOrDefault(second) + 1;
            account.Peak = Math.Max(account.Peak, count);
            if (count == Math.Floor(options.Value.CallsPerSecond) + 1) account.SecondsOverLimit++;
            if (account.Seconds.Count > KeptSeconds) account.Seconds.Remove(account.Seconds.Keys.Min());
        }
    }

    public IReadOnlyList<AccountRate> Summary()
    {
        lock (_gate)
            return _accounts.Select(a => new AccountRate(a.Key, options.Value.CallsPerSecond, a.Value.Peak,
                a.Value.SecondsOverLimit, a.Value.Seconds.Count)).ToList();
    }

    /// <summary>Each second that had a create, oldest first.</summary>
    public IReadOnlyList<SecondCount> Seconds(string accountSid)
    {
        lock (_gate)
            return _accounts.TryGetValue(accountSid, out var account)
                ? account.Seconds.OrderBy(s => s.Key)
                    .Select(s => new SecondCount(DateTimeOffset.FromUnixTimeSeconds(s.Key), s.Value)).ToList()
                : [];
    }

    public void Reset()
    {
        lock (_gate) _accounts.Clear();
    }

    sealed class Account
    {
        public Dictionary<long, int> Seconds { get; } = [];
        public int Peak { get; set; }
        public int SecondsOverLimit { get; set; }
    }
}

/// <param name="Limit">the account's calls per second (the simulator's CallsPerSecond)</param>
/// <param name="SecondsOverLimit">calendar seconds in which more calls were created than the limit</param>
public sealed record AccountRate(string AccountSid, double Limit, int Peak, int SecondsOverLimit, int SecondsSeen);

public sealed record SecondCount(DateTimeOffset Second, int Creates);
