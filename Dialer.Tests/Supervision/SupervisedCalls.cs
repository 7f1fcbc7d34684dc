using Dialer.Core.Agents;
using Dialer.Core.Auth;
using Dialer.Core.Dialing;
using Dialer.Tests.Agents;
using Dialer.TwilioSimulator.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Supervision;

/// <summary>Agents who talk for several seconds, long enough to be supervised, and an Api to supervise them
/// through.</summary>
public sealed class SupervisedCalls : AgentsWorld
{
    public SupervisionApiHost Api { get; private set; } = null!;

    /// <summary>A supervisor who never hangs up by themselves: only the engine ends their leg.</summary>
    public const string StayingManager = "manager-stays";

    protected override SimulatorOptions SimulatorSettings()
    {
        var options = Patient(FastSimulator());
        options.Agents = new AgentOptions
        {
            AnswerDelay = new(50, 100), TalkTime = new(9000, 9500),
            NeverHangUp = [StayingManager]
        };
        return options;
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Api = new SupervisionApiHost(Database.ConnectionString, Simulator.BaseAddress, Worker.PublicUrl);
        await Api.StartAsync();
        // a manager supervises from their own lines only: the ones an admin registered for them
        await using var db = Db();
        await db.Users.Where(u => u.Id == Api.UserIdOf(Role.Manager)).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.ClientIdentity, ManagerIdentity).SetProperty(u => u.Phone, ManagerPhone));
        await db.Users.Where(u => u.Id == Api.UserIdOf(Role.Admin))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.ClientIdentity, StayingManager));
    }

    public const string ManagerIdentity = "manager-maria", ManagerPhone = "+14155550188";

    public override async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>One answered call, bridged to a fresh agent who is now talking to the customer in the attempt's
    /// conference.</summary>
    public async Task<(CallAttempt Attempt, Agent Agent)> LiveCallAsync(string name = "agent")
    {
        var (campaign, _) = await RunningCampaignAsync(1);
        var agent = await AvailableAgentAsync([campaign.Id]);
        await using (var db = Db())
            await db.Agents.Where(a => a.Id == agent.Id).ExecuteUpdateAsync(a => a.SetProperty(x => x.Name, name));
        var attempt = Assert.Single(await DialAsync(campaign, 1));
        await WaitForAgentAsync(agent.Id, a => a.State == AgentState.OnCall);
        var live = Assert.Single(
            await WaitForAttemptsAsync([attempt.Id], a => a.AgentCallSid is not null && a.ConferenceSid is not null));
        return (live, agent);
    }
}
