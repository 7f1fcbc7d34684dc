using Dialer.Core.Auth;
using Dialer.Tests.Agents;
using Dialer.Tests.Infrastructure;
using Dialer.TwilioSimulator.Hosting;

namespace Dialer.Tests.Figures;

/// <summary>
/// Calls of every kind the simulator makes (people, machines, AMD's unknown, busy, no answer, failed), a Worker
/// that dials them, and the Api over the same database to read every screen's figures.
/// </summary>
public sealed class FiguresWorld : AgentsWorld
{
    public KestrelApi Api { get; private set; } = null!;
    public HttpClient Manager { get; private set; } = null!;

    protected override SimulatorOptions SimulatorSettings()
    {
        var options = Patient(
            FastSimulator(new OutcomeMix { Human = 4, Machine = 2, Busy = 1, NoAnswer = 1, Failed = 1 }));
        options.Amd.UnknownFraction = 0.3;
        return options;
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Api = new KestrelApi(Database.ConnectionString);
        Api.StartServer();
        Manager = Api.ClientWith((await Api.AddUserAsync(Role.Manager, "figures manager")).Key);
    }

    public override async Task DisposeAsync()
    {
        Manager.Dispose();
        await Api.DisposeAsync();
        await base.DisposeAsync();
    }
}
