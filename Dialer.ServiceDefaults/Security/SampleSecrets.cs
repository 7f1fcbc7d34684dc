using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Dialer.ServiceDefaults.Security;

/// <summary>
/// The secrets this repository ships so the demo and the tests run out of the box (appsettings.json): anyone who
/// reads the repository knows them. Outside the Development environment the Api and the Worker refuse to start while
/// a setting still holds one, and the error names every such setting.
/// </summary>
public static class SampleSecrets
{
    public const string AdminKey = "dev-admin-key-change-me";
    public const string TwilioAccountSid = "AC00000000000000000000000000000001";
    public const string TwilioAuthToken = "simulator-auth-token";
    public const string TwilioApiKeySecret = "simulator-api-key-secret-not-for-real-use";
    public const string RabbitMqGuest = "guest";
    public const string DatabasePassword = "dialer";

    /// <summary>Each setting that still holds a sample secret, with what to do about it.</summary>
    public static IReadOnlyList<string> StillInUse(IConfiguration config)
    {
        var found = new List<string>();
        void Check(string setting, string sample, string advice)
        {
            if (string.Equals(config[setting], sample, StringComparison.Ordinal)) found.Add($"{setting}: {advice}");
        }
        Check("Auth:BootstrapAdminKey", AdminKey,
            "the demo's key; set a long random key of your own, or empty once an admin exists");
        Check("Twilio:AccountSid", TwilioAccountSid, "the simulator's account: set your Twilio account's SID");
        Check("Twilio:AuthToken", TwilioAuthToken, "the simulator's token: set your account's auth token");
        Check("Twilio:ApiKeySecret", TwilioApiKeySecret, "the simulator's: set the secret of your account's API key");
        // RabbitMQ's guest user and its well-known password, whether set or left to the options' defaults
        var rabbitUser = config["RabbitMq:Username"] ?? RabbitMqGuest;
        var rabbitPassword = config["RabbitMq:Password"] ?? RabbitMqGuest;
        if (rabbitUser == RabbitMqGuest && rabbitPassword == RabbitMqGuest)
            found.Add("RabbitMq:Username and RabbitMq:Password: guest/guest; create a RabbitMQ user of your own");
        if (DatabasePasswordOf(config.GetConnectionString("Dialer")) == DatabasePassword)
            found.Add("ConnectionStrings:Dialer: its Password is the sample's; set the database user's own");
        return found;
    }

    static string? DatabasePasswordOf(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString)) return null;
        try { return new NpgsqlConnectionStringBuilder(connectionString).Password; }
        catch (ArgumentException) { return null; } // a malformed string fails at its first use, with its own message
    }

    /// <summary>Validated when the host starts (before the bus or the server), in every environment but
    /// Development.</summary>
    public static IServiceCollection RefuseSampleSecretsOutsideDevelopment(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<SampleSecretsCheck>, SampleSecretsValidator>();
        services.AddOptions<SampleSecretsCheck>().ValidateOnStart();
        return services;
    }
}

/// <summary>Carries nothing: the options pattern is how a setting stops the process at start.</summary>
public sealed class SampleSecretsCheck;

sealed class SampleSecretsValidator(IConfiguration config, IHostEnvironment environment)
    : IValidateOptions<SampleSecretsCheck>
{
    public ValidateOptionsResult Validate(string? name, SampleSecretsCheck options)
    {
        if (environment.IsDevelopment() || environment.IsEnvironment("Testing")) return ValidateOptionsResult.Success;
        var settings = SampleSecrets.StillInUse(config);
        return settings.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(settings.Prepend(
                $"Sample secrets from appsettings.json are refused outside Development (this is " +
                $"{environment.EnvironmentName}); change each of these settings"));
    }
}
