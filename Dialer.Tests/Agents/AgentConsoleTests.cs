using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dialer.Contracts;
using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;
using MassTransit;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dialer.Tests.Agents;

[Collection(ApiCollection.Name)]
public sealed class AgentConsoleTests(ApiFactory api)
{
    [Fact]
    public async Task A_call_given_to_the_agent_reaches_their_console_over_SignalR_and_only_theirs()
    {
        var (key, agentId) = await api.NewAgentAsync("Console");
        var (otherKey, _) = await api.NewAgentAsync("Console");
        await using var console = api.Hub(Dialer.Api.Agents.AgentHub.Path, key).Build();
        await using var otherConsole = api.Hub(Dialer.Api.Agents.AgentHub.Path, otherKey).Build();
        var offered = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        var wrongOne = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        console.On<JsonElement>("callOffered", m => offered.TrySetResult(m));
        otherConsole.On<JsonElement>("callOffered", m => wrongOne.TrySetResult(m));
        await console.StartAsync();
        await otherConsole.StartAsync();

        var attemptId = Guid.NewGuid();
        using (var scope = api.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<IPublishEndpoint>()
                .Publish(new CallBridgedToAgent(attemptId, Guid.NewGuid(), agentId, 1, DateTimeOffset.UtcNow));

        var message = await offered.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(attemptId, message.GetProperty("attemptId").GetGuid());
        await Task.Delay(300);
        Assert.False(wrongOne.Task.IsCompleted);
    }

    [Fact]
    public async Task A_console_that_disconnects_leaves_the_time_for_the_healer()
    {
        var (key, agentId) = await api.NewAgentAsync("Console");
        var console = api.Hub(Dialer.Api.Agents.AgentHub.Path, key).Build();
        await console.StartAsync();
        await Task.Delay(200);
        await console.DisposeAsync();

        await using var db = api.Database.CreateDb();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await db.Agents.AsNoTracking().SingleAsync(a => a.Id == agentId)).ConsoleDisconnectedAt is null
            && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        Assert.NotNull((await db.Agents.AsNoTracking().SingleAsync(a => a.Id == agentId)).ConsoleDisconnectedAt);
    }

    [Fact]
    public async Task The_console_page_and_its_SignalR_script_are_served_without_a_build_step()
    {
        var page = await api.Anonymous().GetAsync("/agent/index.html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("/lib/signalr.min.js", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await api.Anonymous().GetAsync("/lib/signalr.min.js")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.Anonymous().GetAsync("/agent/agent.js")).StatusCode);
    }


}
