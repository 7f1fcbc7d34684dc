using System.Net.Http.Headers;
using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;

namespace Dialer.Tests.Supervision;

/// <summary>
/// The real Api on Kestrel (a browser needs a socket) beside a dialing world: its database, the same simulator for
/// Twilio, the world's Worker for the supervisor legs' callbacks. One user per role.
/// </summary>
public sealed class SupervisionApiHost(string connectionString, Uri simulator, string workerUrl)
    : KestrelApi(connectionString, new Dictionary<string, string?>
    {
        ["Twilio:ApiBaseUrl"] = simulator.ToString(),
        ["Twilio:PublicWebhookBaseUrl"] = workerUrl,
    })
{
    readonly Dictionary<Role, (Guid Id, string Key)> _users = [];

    public async Task StartAsync()
    {
        foreach (var role in Enum.GetValues<Role>().Where(r => r != Role.Agent))
            _users[role] = await AddUserAsync(role, $"{role} of the floor");
        StartServer();
    }

    public string KeyOf(Role role) => _users[role].Key;

    public Guid UserIdOf(Role role) => _users[role].Id;

    public HttpClient ClientAs(Role role)
    {
        var client = ClientWith(KeyOf(role));
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }
}
