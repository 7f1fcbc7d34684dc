using Dialer.Core.Campaigns;
using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Dialer.Core.Dialing;
using Dialer.TwilioSimulator.Hosting;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Bench.Dial;

/// <param name="Calls">the burst's size</param>
/// <param name="Rates">the steady rates offered, one step each, lowest first</param>
public sealed record BenchOptions(int Calls, IReadOnlyList<int> Rates, int StepSeconds, string ConnectionString,
    int SimPort, int WorkerPid, int TimeoutSeconds)
{
    public static BenchOptions Parse(string[] args)
    {
        string Arg(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        return new(int.Parse(Arg("--calls", "2000")),
            [.. Arg("--rates", "25,50,100,150,200,300,400,500").Split(',').Select(int.Parse)],
            int.Parse(Arg("--seconds", "10")),
            Arg("--db", "Host=127.0.0.1;Database=dialer;Username=dialer;Password=dialer;Maximum Pool Size=20"),
            int.Parse(Arg("--sim-port", "5190")), int.Parse(Arg("--worker-pid", "0")),
            int.Parse(Arg("--timeout", "120")));
    }
}

public sealed record SeededAttempt(Guid AttemptId, Guid CampaignId, string Phone);

/// <summary>A running campaign whose contacts each have one attempt claimed and waiting to be dialed.</summary>
public sealed class BenchWorld(string connectionString)
{
    Guid _campaign;

    public static SimulatorOptions SimulatorSettings() => new()
    {
        Seed = 99, CallsPerSecond = 10_000, MaxConcurrentRequests = 2_000,
        InitiateTime = new(10, 50), RingTime = new(500, 2000), TalkTime = new(1000, 3000), TwimlTimeScale = 0.05,
    };

    public static IBusControl Bus(BenchOptions o) => MassTransit.Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host("127.0.0.1", "/", h =>
    {
        h.Username("guest");
        h.Password("guest");
    }));

    DialerDb Db()
    {
        var options = new DbContextOptionsBuilder<DialerDb>();
        options.UseDialerDb(connectionString);
        return new DialerDb(options.Options);
    }

    public async Task<List<SeededAttempt>> SeedAsync(int count)
    {
        await using var db = Db();
        var now = DateTimeOffset.UtcNow;
        var zone = TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId && z.Id.Contains('/'))
            .First(z => TimeZoneInfo.ConvertTime(now, z).Hour is >= 10 and < 19).Id;
        var campaign = Campaign.Create(new CampaignSettings
        {
            Name = "dial benchmark", CallerId = "+14155550100", MachineHandling = MachineHandling.NoDetection,
            CallingWindow = new CallingWindow { Days = Enum.GetValues<DayOfWeek>() },
        }, now);
        campaign.Status = CampaignStatus.Running;
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        _campaign = campaign.Id;

        var contacts = Enumerable.Range(0, count).Select(i => new Contact
        {
            CampaignId = campaign.Id, Phone = $"+1415{2 + i / 10000 % 8}{i / 10000 % 10}{i / 10000 % 10}{i % 10000:D4}",
            TimeZones = [zone], Status = ContactStatus.Dialing, Attempts = 1, CreatedAt = now,
        }).ToList();
        db.Contacts.AddRange(contacts);
        await db.SaveChangesAsync();
        var attempts = contacts.Select(c => CallAttempt.Create(campaign.Id, c.Id, now)).ToList();
        db.CallAttempts.AddRange(attempts);
        await db.SaveChangesAsync();
        var phones = contacts.ToDictionary(c => c.Id, c => c.Phone);
        return attempts.Select(a => new SeededAttempt(a.Id, campaign.Id, phones[a.ContactId])).ToList();
    }

    public async Task CleanUpAsync()
    {
        await using var db = Db();
        await db.Campaigns.Where(c => c.Id == _campaign).ExecuteDeleteAsync();
    }
}
