using System.Net;
using System.Net.Http.Json;
using Dialer.Api.Agents;
using Dialer.Api.Dashboard;
using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Dialer.Tests.Security;

[Collection(ApiCollection.Name)]
public sealed class HubTicketTests(ApiFactory api)
{
    [Theory]
    [InlineData(DashboardHub.Path, Role.Manager)]
    [InlineData(AgentHub.Path, Role.Agent)]
    public async Task An_api_key_in_the_query_string_is_refused_on_the_hubs(string hub, Role role)
    {
        var response = await Negotiate(api.Anonymous(), hub, api.KeyOf(role));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(DashboardHub.Path, Role.Manager)]
    [InlineData(AgentHub.Path, Role.Agent)]
    public async Task A_ticket_opens_a_hub_once(string hub, Role role)
    {
        var ticket = await TicketAsync(api.ClientAs(role));

        Assert.Equal(HttpStatusCode.OK, (await Negotiate(api.Anonymous(), hub, ticket)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Negotiate(api.Anonymous(), hub, ticket)).StatusCode);
    }

    [Fact]
    public async Task A_ticket_is_bound_to_its_user_and_the_hubs_policy_still_applies()
    {
        var marketersTicket = await TicketAsync(api.ClientAs(Role.Marketer));
        var response = await Negotiate(api.Anonymous(), DashboardHub.Path, marketersTicket);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_ticket_without_a_key_is_refused()
    {
        var response = await api.Anonymous().PostAsync("/api/hub-tickets", null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_expired_ticket_is_refused()
    {
        await using var shortLived = api.WithWebHostBuilder(b => b.UseSetting("HubTickets:LifetimeSeconds", "1"));
        var manager = shortLived.CreateClient();
        manager.DefaultRequestHeaders.Add("X-Api-Key", api.KeyOf(Role.Manager));
        var ticket = await TicketAsync(manager);

        await Task.Delay(TimeSpan.FromSeconds(1.5));

        var response = await Negotiate(shortLived.CreateClient(), DashboardHub.Path, ticket);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    static async Task<string> TicketAsync(HttpClient client)
    {
        var response = await client.PostAsync("/api/hub-tickets", null);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<Dialer.Api.Auth.HubTicketResponse>();
        Assert.True(body!.ExpiresInSeconds <= 60);
        return body.Ticket;
    }

    /// <summary>SignalR's first request, as a browser's client sends it before its WebSocket.</summary>
    static Task<HttpResponseMessage> Negotiate(HttpClient client, string hub, string credential) =>
        client.PostAsync($"{hub}/negotiate?negotiateVersion=1&access_token={Uri.EscapeDataString(credential)}", null);
}
