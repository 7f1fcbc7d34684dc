using Dialer.TwilioSimulator.Agents;
using Dialer.TwilioSimulator.Callbacks;
using Dialer.TwilioSimulator.Calls;
using Dialer.TwilioSimulator.Conferences;
using Dialer.TwilioSimulator.Faults;
using Dialer.TwilioSimulator.Numbers;
using Dialer.TwilioSimulator.Recordings;
using Dialer.TwilioSimulator.Records;
using Dialer.TwilioSimulator.TwiML;
using Dialer.TwilioSimulator.Validation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dialer.TwilioSimulator.Hosting;

/// <summary>The simulator's services and endpoints, shared by the command line and the in-process host.</summary>
public static class SimulatorApp
{
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SimulatorOptions>().BindConfiguration(SimulatorOptions.Section).ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new SimRandom(sp.GetRequiredService<IOptions<SimulatorOptions>>().Value.Seed));
        services.AddSingleton(sp => new WebhookClient(
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            {
                Timeout = Timeout.InfiniteTimeSpan
            },
            sp.GetRequiredService<IOptions<SimulatorOptions>>(), sp.GetRequiredService<ILogger<WebhookClient>>()));
        services.AddSingleton<FaultState>();
        services.AddSingleton<CallRecordStore>();
        services.AddSingleton<CreateRate>();
        services.AddSingleton<TwilioApiGate>();
        services.AddSingleton<Numbers.IncomingNumbers>();
        services.AddSingleton<CallDesk>();
        services.AddSingleton<CallRunner>();
        services.AddSingleton<MachineDetection>();
        services.AddSingleton<StatusCallbacks>();
        services.AddSingleton<TwimlSession>();
        services.AddSingleton<TwimlInterpreter>();
        services.AddSingleton<GatherVerb>();
        services.AddSingleton<PlayVerb>();
        services.AddSingleton<DialVerb>();
        services.AddSingleton<SimulatedAgents>();
        services.AddSingleton<ConferenceRegistry>();
        services.AddSingleton<ConferenceCallbacks>();
        services.AddSingleton<AgentLines>();
        services.AddSingleton<Announcements>();
        services.AddSingleton<CallRecordings>();
        services.AddSingleton(new RequestValidator(ApiDescription.Twilio));

        var app = builder.Build();
        app.Services.GetRequiredService<AgentLines>(); // it follows every room from the start
        app.UseMiddleware<RequestValidation>();
        app.MapGet("/health", () => "ok");
        app.MapCallsApi().MapRecordingsApi();
        app.MapRecordsApi();
        app.MapFaultsApi();
        app.MapAgentsApi();
        app.MapConferencesApi();
        app.MapNumbersApi();
        return app;
    }
}
