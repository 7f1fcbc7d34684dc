using Dialer.Contracts;
using Dialer.Core.Campaigns;
using Dialer.Core.Changes;
using Dialer.Core.Compliance.Consents;
using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Dialer.Core.Dialing;
using Dialer.TwilioSimulator.Hosting;
using Dialer.TwilioSimulator.Records;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dialer.Tests.Infrastructure;

/// <summary>
/// Everything a dial touches, for real: PostgreSQL (a database of its own), RabbitMQ (queues of its own),
/// the Twilio simulator in process, and a Worker on Kestrel. Test classes derive to choose the simulator's world.
/// </summary>
public abstract class DialingWorld : IAsyncLifetime
{
    public TestDatabase Database { get; } = new();
    public SimulatorHost Simulator { get; private set; } = null!;
    public WorkerFactory Worker { get; private set; } = null!;
    readonly string _queuePrefix = "test-" + Guid.NewGuid().ToString("N")[..8];

    protected virtual SimulatorOptions SimulatorSettings() => FastSimulator();

    protected virtual IDictionary<string, string?> WorkerSettings() => new Dictionary<string, string?>();

    /// <summary>Another place the Workers' logs go, besides their own.</summary>
    protected virtual ILoggerProvider? WorkerLogs() => null;

    public static SimulatorOptions FastSimulator(OutcomeMix? outcomes = null) => new()
    {
        Seed = 7,
        CallsPerSecond = 1000,
        MaxConcurrentRequests = 1000,
        Outcomes = outcomes ?? new OutcomeMix { Human = 1, Machine = 0, Busy = 0, NoAnswer = 0, Failed = 0 },
        InitiateTime = new(10, 30),
        RingTime = new(100, 300),
        TalkTime = new(200, 400),
        TwimlTimeScale = 0.01,
        Amd = new AmdOptions { DetectionTime = new(100, 200), MessageEndTime = new(100, 200) },
        Agents = new AgentOptions { AnswerDelay = new(50, 100), TalkTime = new(300, 600) },
    };

    public virtual async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Simulator = await SimulatorHost.StartAsync(SimulatorSettings());
        Worker = StartWorker();
        await Worker.WaitForReadyAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Another Worker process on the same database, simulator and queues (a second node, or a
    /// restart).</summary>
    public WorkerFactory StartWorker(int? port = null)
    {
        var worker = new WorkerFactory(Database.ConnectionString, Simulator.BaseAddress, _queuePrefix,
            WorkerSettings(), port, WorkerLogs());
        worker.StartServer();
        return worker;
    }

    public virtual async Task DisposeAsync()
    {
        await Worker.DisposeAsync();
        await Simulator.DisposeAsync();
        await Database.DisposeAsync();
    }

    public DialerDb Db() => Database.CreateDb();

    /// <summary>A running campaign with the given contacts, ready to be dialed at any hour (every zone in its
    /// window).</summary>
    public async Task<(Campaign Campaign, List<Contact> Contacts)> RunningCampaignAsync(int contacts,
        Func<CampaignSettings, CampaignSettings>? adjust = null)
    {
        await using var db = Db();
        var settings = new CampaignSettings
        {
            Name = "dialing test",
            CallerId = "+14155550100",
            CallingWindow = AlwaysOpen(),
            MachineHandling = MachineHandling.NoDetection,
        };
        var campaign = Campaign.Create(adjust?.Invoke(settings) ?? settings, DateTimeOffset.UtcNow);
        campaign.Status = CampaignStatus.Running;
        campaign.StartedAt = DateTimeOffset.UtcNow;
        db.Campaigns.Add(campaign);
        var list = Enumerable.Range(0, contacts).Select(i => new Contact
        {
            CampaignId = campaign.Id,
            Phone = $"+1415{Random.Shared.Next(200, 999)}{Random.Shared.Next(0, 10000):D4}",
            TimeZones = [ZoneOpenNow()],
            Status = ContactStatus.Pending,
            NextAttemptAt = DateTimeOffset.UtcNow,
            CreatedAt = DateTimeOffset.UtcNow,
        }).DistinctBy(c => c.Phone).ToList();
        db.Contacts.AddRange(list);
        await db.SaveChangesAsync();
        if (campaign.Settings.Mode == Core.Pacing.DialingMode.Agentless) // US law: a recorded call needs prior consent
        {
            db.Consents.AddRange(list.Select(c => new ContactConsent
            {
                ContactId = c.Id, CampaignId = campaign.Id, Kind = ConsentKind.Prerecorded, Source = "test list",
                GivenAt = DateTimeOffset.UtcNow.AddDays(-1), Reference = "dialing test",
                RecordedAt = DateTimeOffset.UtcNow,
            }));
            await db.SaveChangesAsync();
        }
        return (campaign, list);
    }

    /// <summary>Claims the contacts as the pacer would; the Worker's outbox sends their dials.</summary>
    public async Task<List<CallAttempt>> DialAsync(Campaign campaign, int lines)
    {
        await using var db = Db();
        var fresh = await db.Campaigns.SingleAsync(c => c.Id == campaign.Id);
        return [.. await new ContactClaimer(db).ClaimAsync(Changes(db), fresh, lines, CancellationToken.None)];
    }

    /// <summary>
    /// The simulator's first call to <paramref name="phone"/> once <paramref name="done"/> holds for it.
    /// </summary>
    public async Task<SimCallRecord> WaitForCallAsync(string phone, Func<SimCallRecord, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            if (Simulator.Calls.Snapshot(phone).FirstOrDefault() is { } call && done(call)) return call;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the call to the customer is not there yet");
            await Task.Delay(50);
        }
    }

    /// <summary>Units of work on <paramref name="db"/> that wake the Worker's outbox dispatcher, as the Worker's own
    /// do.</summary>
    public StateChanges Changes(DialerDb db) =>
        new(db, Worker.Services.GetRequiredService<OutboxSignal>(), TimeProvider.System);

    public async Task PublishAsync(params PlaceCall[] messages)
    {
        using var scope = Worker.Services.CreateScope();
        var bus = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();
        foreach (var m in messages) await bus.Publish(m);
    }

    public async Task<List<CallAttempt>> WaitForAttemptsAsync(IEnumerable<Guid> ids, Func<CallAttempt, bool> done,
        TimeSpan? timeout = null)
    {
        var wanted = ids.ToList();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            await using var db = Db();
            var attempts = await db.CallAttempts.AsNoTracking().Where(a => wanted.Contains(a.Id)).ToListAsync();
            if (attempts.Count == wanted.Count && attempts.All(done)) return attempts;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("Attempts not settled: "
                    + string.Join(", ", attempts.Select(a => $"{a.Id}={a.State}")));
            await Task.Delay(100);
        }
    }

    public static CallingWindow AlwaysOpen() => new()
    {
        Start = CallingWindow.LawfulStart, End = CallingWindow.LawfulEnd, Days = Enum.GetValues<DayOfWeek>(),
    };

    /// <summary>Some IANA zone where it is now between 10:00 and 19:00, so the lawful window is open there.</summary>
    public static string ZoneOpenNow()
    {
        var now = DateTimeOffset.UtcNow;
        return TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId && z.Id.Contains('/'))
            .First(z => TimeZoneInfo.ConvertTime(now, z).Hour is >= 10 and < 19).Id;
    }
}
