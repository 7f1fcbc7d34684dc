using System.ComponentModel.DataAnnotations;
using Dialer.Core.Compliance;

namespace Dialer.Worker.Dialing;

public sealed class TwilioOptions
{
    public const string Section = "Twilio";

    /// <summary>How long a call this Worker places may ring after its permit (see DialPermit).</summary>
    public static DialLead LeadOf(TwilioOptions o) => DialLead.Default with
    {
        Ring = TimeSpan.FromSeconds(o.RingTimeoutSeconds), Request = TimeSpan.FromSeconds(o.RequestTimeoutSeconds),
    };
    [Required] public string AccountSid { get; set; } = "";
    [Required] public string AuthToken { get; set; } = "";
    /// <summary>Where the SDK's requests go: https://api.twilio.com for Twilio itself, the simulator's address otherwise.</summary>
    [Required, Url] public string ApiBaseUrl { get; set; } = "https://api.twilio.com";
    /// <summary>This worker's address as Twilio reaches it: the answer and status URLs are built on it and signatures checked against it.</summary>
    [Required, Url] public string PublicWebhookBaseUrl { get; set; } = "";
    /// <summary>This process's share of the account's calls-per-second (the account's limit divided by the number of workers).</summary>
    [Range(0.1, 10_000)] public double CallsPerSecond { get; set; } = 1;
    /// <summary>A create that has not answered by then may still have placed the call: it is reconciled, never repeated.</summary>
    [Range(1, 120)] public int RequestTimeoutSeconds { get; set; } = 10;
    /// <summary>How long the customer's phone rings before no-answer (at least 15 s: four rings).</summary>
    [Range(15, 600)] public int RingTimeoutSeconds { get; set; } = 26;
    [Range(1, 1024)] public int MaxConcurrentRequests { get; set; } = 64;
    /// <summary>A call with no final status after this long is looked up in Twilio: a status callback may have been lost.</summary>
    [Range(1, 86_400)] public int StaleCallCheckSeconds { get; set; } = 600;
    /// <summary>
    /// An attempt whose PlaceCall nobody took after this long (faulted into the error queue, lost) is ended unsent and
    /// its contact due again: longer than a message's retries (8, at most 60 s apart) and its wait for its turn.
    /// </summary>
    [Range(1, 86_400)] public int StrandedAttemptSeconds { get; set; } = 600;
    /// <summary>The number agents' lines come from (a number of the account, or verified): what an agent's own phone shows.</summary>
    [Required] public string AgentLineCallerId { get; set; } = "";
    /// <summary>What a customer on hold hears (an MP3 or WAV Twilio can fetch).</summary>
    [Required, Url] public string HoldMusicUrl { get; set; } = "https://com.twilio.music.classical.s3.amazonaws.com/BusyStrings.mp3";
    /// <summary>Said when the answer cannot be handled at all (the database unreachable): never silence, even then.</summary>
    /// <summary>
    /// Where Twilio asks when this Worker's answer URL fails: the Api's address, another process that still plays the
    /// safe-harbour message when every Worker is down. Unset: this Worker's own address (another Worker behind it).
    /// </summary>
    [Url] public string? FallbackWebhookBaseUrl { get; set; }
    [Required] public string FallbackMessage { get; set; } = "Sorry we missed you. We will try again later.";
    /// <summary>Said to a customer handed over to a third party who never answered, before the call ends.</summary>
    [Required] public string TransferFailedMessage { get; set; } = "Sorry, we could not put you through. Goodbye.";
}
