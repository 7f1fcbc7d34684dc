using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;
using Dialer.TwilioSimulator.Hosting;

namespace Dialer.Tests.Compliance.Jurisdictions;

/// <summary>A Worker dialing through the simulator (people and unanswered calls), and the Api over the same
/// database.</summary>
public sealed class JurisdictionReportWorld : DialingWorld
{
    public KestrelApi Api { get; private set; } = null!;
    public HttpClient Manager { get; private set; } = null!;

    protected override SimulatorOptions SimulatorSettings() =>
        FastSimulator(new OutcomeMix { Human = 1, Machine = 0, Busy = 0, NoAnswer = 1, Failed = 0 });

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Api = new KestrelApi(Database.ConnectionString);
        Api.StartServer();
        Manager = Api.ClientWith((await Api.AddUserAsync(Role.Manager, "jurisdictions manager")).Key);
    }

    public override async Task DisposeAsync()
    {
        Manager.Dispose();
        await Api.DisposeAsync();
        await base.DisposeAsync();
    }
}
