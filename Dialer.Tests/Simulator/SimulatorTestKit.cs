using Dialer.TwilioSimulator.Hosting;
using Twilio.Clients;
using Twilio.Http;

namespace Dialer.Tests.Simulator;

/// <summary>Fast simulator settings and a real Twilio SDK client pointed at a simulator.</summary>
public static class SimulatorTestKit
{
    /// <summary>Everyone answers as a person within tens of milliseconds; TwiML runs at a hundredth of real
    /// time.</summary>
    public static SimulatorOptions Fast(Action<SimulatorOptions>? tweak = null)
    {
        var options = new SimulatorOptions
        {
            Seed = 42,
            CallsPerSecond = 1000,
            Outcomes = new OutcomeMix { Human = 1, Machine = 0, Busy = 0, NoAnswer = 0, Failed = 0 },
            InitiateTime = new DurationRange(5, 10),
            RingTime = new DurationRange(20, 40),
            TalkTime = new DurationRange(10_000, 10_000),
            Amd = new AmdOptions
            {
                DetectionTime = new DurationRange(10, 20),
                MessageEndTime = new DurationRange(10, 20)
            },
            Agents = new AgentOptions
            {
                AnswerDelay = new DurationRange(20, 40),
                TalkTime = new DurationRange(100, 150)
            },
            TwimlTimeScale = 0.01,
        };
        tweak?.Invoke(options);
        return options;
    }

    public static TwilioRestClient TwilioClient(this SimulatorHost host, TimeSpan? timeout = null,
        string? authToken = null) =>
        new(host.Options.AccountSid, authToken ?? host.Options.AuthToken,
            httpClient: new SystemNetHttpClient(host.CreateTwilioHttpClient(timeout)));

    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
}
