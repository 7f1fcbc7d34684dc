using System.ComponentModel.DataAnnotations;
using Dialer.Core.Compliance;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dialer.ServiceDefaults.Twilio;

/// <summary>
/// The "Twilio" section, for the Worker and the Api alike: one account, one set of addresses, one set of limits.
/// Both processes validate all of it at start, so a setting one of them would refuse stops both, never one.
/// </summary>
public sealed class TwilioOptions
{
    public const string Section = "Twilio";

    /// <summary>How long a call this Worker places may ring after its permit (see DialPermit).</summary>
    public DialLead Lead => DialLead.Default with
    {
        Ring = TimeSpan.FromSeconds(RingTimeoutSeconds),
        Request = TimeSpan.FromSeconds(RequestTimeoutSeconds),
    };

    // --- the account, and where its REST API is ---
    [Required] public string AccountSid { get; set; } = "";
    [Required] public string AuthToken { get; set; } = "";
    /// <summary>Where the SDK's requests go: https://api.twilio.com for Twilio itself, the simulator's address
    /// otherwise.</summary>
    [Required, Url] public string ApiBaseUrl { get; set; } = "https://api.twilio.com";
    /// <summary>
    /// A REST request unanswered by then fails. The Worker's create call may still have placed the call: it is
    /// reconciled, never repeated. The Api's (supervisor legs, transfers, call controls, a recording's audio) waits
    /// this long for Twilio to start answering.
    /// </summary>
    [Range(1, 120)] public int RequestTimeoutSeconds { get; set; } = 10;

    // --- where Twilio reaches the engine (the routes are in WebhookRoutes) ---
    /// <summary>The Worker's address as Twilio reaches it: every webhook URL is built on it (the Api's too, for
    /// supervisor legs and transfers), and the Worker checks signatures against it.</summary>
    [Required, Url] public string PublicWebhookBaseUrl { get; set; } = "";
    /// <summary>
    /// The Api's address as Twilio reaches it: Twilio asks there when a Worker's answer URL fails (another process
    /// still plays the safe-harbour message with every Worker down), and the Api checks signatures against it.
    /// Unset: the Worker's own address (another Worker behind it), and the Api accepts no webhook.
    /// </summary>
    [Url] public string? FallbackWebhookBaseUrl { get; set; }

    // --- the Worker's dialing ---
    /// <summary>
    /// The account's calls per second, for all Workers together (whole calls: a fraction is dropped): each live
    /// Worker takes a whole share, the shares adding up to it, recomputed on every heartbeat
    /// (Dialer.Worker/Dialing/AccountRate).
    /// </summary>
    [Range(1, 10_000)] public double AccountCallsPerSecond { get; set; } = 1;
    /// <summary>How often a Worker renews its lease and recomputes its share; one silent for three of these is
    /// dead, and the others share its part.</summary>
    [Range(100, 10_000)] public int RateShareHeartbeatMilliseconds { get; set; } = 2000;
    /// <summary>How long the customer's phone rings before no-answer (at least 15 s: four rings).</summary>
    [Range(15, 600)] public int RingTimeoutSeconds { get; set; } = 26;
    [Range(1, 1024)] public int MaxConcurrentRequests { get; set; } = 64;
    /// <summary>After Twilio refuses the account (a wrong token, an unverified caller ID...), no create is sent for
    /// this long.</summary>
    [Range(1, 3600)] public int AccountErrorHoldSeconds { get; set; } = 30;
    /// <summary>A call with no final status after this long is looked up in Twilio: a status callback may have
    /// been lost.</summary>
    [Range(1, 86_400)] public int StaleCallCheckSeconds { get; set; } = 600;
    /// <summary>
    /// A call still queued or ringing this long past its ring deadline (the ring timeout and one request's timeout
    /// after its dial) is looked up in Twilio: it has ended, and its callbacks were lost (a Worker killed as it rang).
    /// </summary>
    [Range(1, 3600)] public int RingDeadlineGraceSeconds { get; set; } = 10;
    /// <summary>
    /// An attempt whose PlaceCall nobody took after this long (faulted into the error queue, lost) is ended unsent and
    /// its contact due again: longer than a message's retries (8, at most 60 s apart) and its wait for its turn.
    /// </summary>
    [Range(1, 86_400)] public int StrandedAttemptSeconds { get; set; } = 600;
    /// <summary>The number agents' lines come from (a number of the account, or verified): what an agent's own
    /// phone shows.</summary>
    [Required] public string AgentLineCallerId { get; set; } = "";
    /// <summary>What a customer on hold hears (an MP3 or WAV Twilio can fetch).</summary>
    [Required, Url]
    public string HoldMusicUrl { get; set; } = "https://com.twilio.music.classical.s3.amazonaws.com/BusyStrings.mp3";
    /// <summary>Said when the answer cannot be handled at all (the database unreachable): never silence, even
    /// then.</summary>
    [Required] public string FallbackMessage { get; set; } = "Sorry we missed you. We will try again later.";
    /// <summary>
    /// How long the answer webhook (the Worker's, and the Api's fallback) may work on the database before it gives up
    /// and says <see cref="FallbackMessage"/>: the customer hears something within 2 s of their hello, whatever
    /// failed, rather than waiting out the database's retries.
    /// </summary>
    [Range(200, 10_000)] public int AnswerBudgetMilliseconds { get; set; } = 1000;
    /// <summary>Said to a customer handed over to a third party who never answered, before the call ends.</summary>
    [Required] public string TransferFailedMessage { get; set; } = "Sorry, we could not put you through. Goodbye.";

    // --- the agents' browser phones (the Api signs their access tokens) ---
    /// <summary>An API key of the account (SK...) and its secret: access tokens are signed with it, never with the
    /// auth token.</summary>
    [Required] public string ApiKeySid { get; set; } = "";
    /// <remarks>Tokens are HS256: a secret under 32 bytes is refused when signing, so it is refused at start
    /// instead.</remarks>
    [Required, MinLength(32)] public string ApiKeySecret { get; set; } = "";
    /// <summary>The TwiML app (AP...) whose voice URL handles calls the browser phone places.</summary>
    [Required] public string TwimlAppSid { get; set; } = "";
    [Range(60, 86_400)] public int TokenLifetimeSeconds { get; set; } = 3600;
}

public static class TwilioOptionsRegistration
{
    /// <summary>The old setting: refused at start rather than ignored, so no operator keeps dividing by hand.</summary>
    const string RemovedPerWorkerRate = "CallsPerSecond";

    public static IServiceCollection AddTwilioOptions(this IServiceCollection services)
    {
        services.AddOptions<TwilioOptions>().BindConfiguration(TwilioOptions.Section)
            .ValidateDataAnnotations()
            .Validate<IConfiguration>(
                (_, config) => config[$"{TwilioOptions.Section}:{RemovedPerWorkerRate}"] is null,
                $"{TwilioOptions.Section}:{RemovedPerWorkerRate} (a per-Worker share) was removed: set "
                + $"{TwilioOptions.Section}:{nameof(TwilioOptions.AccountCallsPerSecond)} to the account's whole rate; "
                + "the Workers share it among themselves")
            .ValidateOnStart();
        services.AddMemoryCache();
        services.AddSingleton<AudioUrlSigner>();
        services.AddScoped<CampaignAudioLinks>();
        services.AddHostedService<MessageAudioWarmUp>();
        return services;
    }
}
