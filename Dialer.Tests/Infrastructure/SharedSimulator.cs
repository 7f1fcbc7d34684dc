using Dialer.TwilioSimulator.Hosting;

namespace Dialer.Tests.Infrastructure;

/// <summary>
/// One simulator for the test process, for Apis that bring none of their own: the Api asks Twilio about the caller IDs
/// when a campaign starts, and it must be asked for real. It owns any number it is asked about (the default).
/// </summary>
public static class SharedSimulator
{
    static readonly Lazy<SimulatorHost> Host = new(() =>
        Task.Run(() => SimulatorHost.StartAsync(DialingWorld.FastSimulator())).GetAwaiter().GetResult());

    public static string Address => Host.Value.BaseAddress.ToString();
}
