using System.Reflection;
using Dialer.Core.Agents;
using Dialer.Core.Agents.Lines;
using Dialer.Core.Dialing;
using Dialer.Core.Figures;
using Dialer.Worker.Agents;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dialer.Tests.Agents;

/// <summary>The Worker's own healer out of the way (a round every ten minutes): the test runs the rounds.</summary>
public sealed class QuietHealerWorld : AgentsWorld
{
    protected override IDictionary<string, string?> WorkerSettings() =>
        new Dictionary<string, string?>(base.WorkerSettings()) { ["Agents:HealEverySeconds"] = "600" };
}

/// <summary>
/// A broker that stops confirming publishes (seen in a demo: MassTransit then waits for ever, whatever the token says).
/// The healer's round must still heal the floor and finish: its hang-ups of offline agents' lines wait a bounded time.
/// </summary>
public sealed class HealerUnconfirmedPublishTests(QuietHealerWorld world) : IClassFixture<QuietHealerWorld>
{
    [Fact]
    public async Task A_round_whose_hang_up_publish_never_confirms_still_frees_agents_from_wrap_up_and_finishes()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(1);
        var attempt = CallAttempt.Create(campaign.Id, contacts[0].Id, DateTimeOffset.UtcNow);
        attempt.End(AttemptState.Completed, "completed", DateTimeOffset.UtcNow);
        attempt.Disposition = "sale";
        await using (var db = world.Db())
        {
            db.CallAttempts.Add(attempt);
            await db.SaveChangesAsync();
        }
        var wrapping = await world.AvailableAgentAsync([campaign.Id], state: AgentState.WrapUp,
            currentAttemptId: attempt.Id);
        var offline = await world.AvailableAgentAsync([campaign.Id], state: AgentState.Offline);
        await using (var db = world.Db())
            await db.Agents.Where(a => a.Id == offline.Id).ExecuteUpdateAsync(u => u
                .SetProperty(a => a.LineState, LineState.Open)
                    .SetProperty(a => a.LineCallSid, "CA" + new string('1', 32)));
        var bus = DispatchProxy.Create<IPublishEndpoint, NeverConfirmingBus>();
        var healer = new AgentHealer(new ScopesWith(world.Worker.Services, bus), Options.Create(new AgentOptions()),
            world.Worker.Services.GetRequiredService<IOptions<AgentLimits>>(), TimeProvider.System,
            NullLogger<AgentHealer>.Instance);

        var round = healer.HealAllAsync(CancellationToken.None);
        var finished = await Task.WhenAny(round, Task.Delay(TimeSpan.FromSeconds(30))) == round;

        Assert.True(finished, "the healer's round waits on a publish that never confirms");
        await round;
        Assert.Equal(1, ((NeverConfirmingBus)(object)bus).Published);
        Assert.Equal(AgentState.Available, (await world.AgentAsync(wrapping.Id)).State);
    }

    /// <summary>Every publish is taken and never confirmed; the token is ignored, as MassTransit ignores it
    /// then.</summary>
    public class NeverConfirmingBus : DispatchProxy
    {
        public int Published;

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            if (method?.Name != nameof(IPublishEndpoint.Publish)) throw new NotSupportedException(method?.Name);
            Interlocked.Increment(ref Published);
            return new TaskCompletionSource().Task;
        }
    }

    /// <summary>The Worker's own services, but <see cref="IPublishEndpoint"/> is the bus that never confirms.</summary>
    sealed class ScopesWith(IServiceProvider services, IPublishEndpoint bus) : IServiceScopeFactory
    {
        public IServiceScope CreateScope() => new Scope(services.CreateAsyncScope(), bus);

        sealed class Scope(AsyncServiceScope inner, IPublishEndpoint bus) : IServiceScope, IServiceProvider,
        IAsyncDisposable
        {
            public IServiceProvider ServiceProvider => this;
            public object? GetService(Type type) =>
                type == typeof(IPublishEndpoint) ? bus : inner.ServiceProvider.GetService(type);
            public void Dispose() => inner.Dispose();
            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }
}
