using System.Net;
using System.Text.Json.Nodes;
using Dialer.Api;
using Dialer.ServiceDefaults.Security;
using Dialer.Tests.Infrastructure;
using Dialer.Worker;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Dialer.Tests.Security;

public sealed class SampleSecretsTests : IAsyncLifetime
{
    readonly TestDatabase _database = new();
    readonly string _passfile = Path.GetTempFileName();

    static readonly string[] SettingsToChange =
    [
        "Auth:BootstrapAdminKey", "Twilio:AccountSid", "Twilio:AuthToken", "Twilio:ApiKeySecret",
        "RabbitMq:Username and RabbitMq:Password", "ConnectionStrings:Dialer",
    ];

    [Fact]
    public void The_refused_values_are_the_ones_appsettings_json_ships()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "appsettings.shared.json"); // the root's appsettings.json
        var shipped = JsonNode.Parse(File.ReadAllText(file))!;
        Assert.Equal(SampleSecrets.AdminKey, (string?)shipped["Auth"]!["BootstrapAdminKey"]);
        Assert.Equal(SampleSecrets.TwilioAccountSid, (string?)shipped["Twilio"]!["AccountSid"]);
        Assert.Equal(SampleSecrets.TwilioAuthToken, (string?)shipped["Twilio"]!["AuthToken"]);
        Assert.Equal(SampleSecrets.TwilioApiKeySecret, (string?)shipped["Twilio"]!["ApiKeySecret"]);
        Assert.Equal(SampleSecrets.RabbitMqGuest, (string?)shipped["RabbitMq"]!["Username"]);
        Assert.Equal(SampleSecrets.RabbitMqGuest, (string?)shipped["RabbitMq"]!["Password"]);
        var connection = new NpgsqlConnectionStringBuilder((string?)shipped["ConnectionStrings"]!["Dialer"]);
        Assert.Equal(SampleSecrets.DatabasePassword, connection.Password);
    }

    [Fact]
    public void A_production_api_with_the_sample_secrets_refuses_to_start_naming_each_setting()
    {
        using var api = new ProductionHost<ApiMarker>(new Dictionary<string, string?>());
        var refusal = Assert.ThrowsAny<Exception>(() => api.Server);
        foreach (var setting in SettingsToChange) Assert.Contains(setting, refusal.Message);
    }

    [Fact]
    public void A_production_worker_with_the_sample_secrets_refuses_to_start_naming_each_setting()
    {
        using var worker = new ProductionHost<WorkerMarker>(new Dictionary<string, string?>());
        var refusal = Assert.ThrowsAny<Exception>(() => worker.Server);
        foreach (var setting in SettingsToChange) Assert.Contains(setting, refusal.Message);
    }

    [Fact]
    public async Task A_production_api_and_worker_start_once_every_secret_is_changed()
    {
        // started and answering (the test server has no management port for the health checks)
        using var api = new ProductionHost<ApiMarker>(ChangedSecrets());
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().GetAsync("/api/users/me")).StatusCode);
        using var worker = new ProductionHost<WorkerMarker>(ChangedSecrets());
        Assert.Equal(HttpStatusCode.Forbidden,
            (await worker.CreateClient().PostAsync($"/twilio/status/{Guid.NewGuid()}", null)).StatusCode);
    }

    [Fact]
    public void Development_accepts_the_sample_secrets()
    {
        using var api = new ProductionHost<ApiMarker>(new Dictionary<string, string?>(), "Development");
        Assert.NotNull(api.Server);
    }

    /// <summary>Real secrets where they belong: the database password in a password file (Npgsql's Passfile), not in
    /// the connection string; the others set.</summary>
    Dictionary<string, string?> ChangedSecrets() => new()
    {
        ["ConnectionStrings:Dialer"] = new NpgsqlConnectionStringBuilder(_database.ConnectionString)
        { Password = null, Passfile = _passfile }.ConnectionString,
        ["Auth:BootstrapAdminKey"] = "",
        ["Twilio:AccountSid"] = "AC" + Guid.NewGuid().ToString("N"),
        ["Twilio:AuthToken"] = Guid.NewGuid().ToString("N"),
        ["Twilio:ApiKeySecret"] = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"),
        ["RabbitMq:Password"] = Guid.NewGuid().ToString("N"),
    };

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        var password = new NpgsqlConnectionStringBuilder(_database.ConnectionString).Password;
        await File.WriteAllTextAsync(_passfile, $"*:*:*:*:{password}\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(_passfile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    public async Task DisposeAsync()
    {
        File.Delete(_passfile);
        await _database.DisposeAsync();
    }

    sealed class ProductionHost<TEntry>(IDictionary<string, string?> settings, string environment = "Production")
        : WebApplicationFactory<TEntry> where TEntry : class
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(environment);
            builder.UseSetting("RabbitMq:EndpointPrefix", "secrets-" + Guid.NewGuid().ToString("N")[..8]);
            builder.UseSetting("Scheduling:TriggerRepairSeconds", "0");
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        }
    }
}
