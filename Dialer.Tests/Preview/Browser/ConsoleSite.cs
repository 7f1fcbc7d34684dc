using Dialer.TwilioSimulator.Hosting;

namespace Dialer.Tests.Preview.Browser;

/// <summary>The preview world whose simulated agents talk a few seconds, so the console can be seen on the
/// call.</summary>
public sealed class ConsoleSite : PreviewWorld
{
    protected override SimulatorOptions SimulatorSettings()
    {
        var options = base.SimulatorSettings();
        options.Agents.TalkTime = new(5000, 6000);
        return options;
    }
}
