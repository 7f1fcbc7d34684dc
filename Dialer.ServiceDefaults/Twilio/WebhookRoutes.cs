using System.Text;

namespace Dialer.ServiceDefaults.Twilio;

/// <summary>
/// Every URL Twilio calls the engine on, in one place: the route templates the Worker (and, for the answer's
/// fallback, the Api) map under <see cref="Prefix"/>, and the builders of the URLs both processes hand to Twilio.
/// A builder fills its route's own template, so the two cannot drift apart. The URLs must stay byte for byte what
/// they are: Twilio signs each request over the URL it was given.
/// </summary>
public static class WebhookRoutes
{
    public const string Prefix = "/twilio";

    // the customer's call: placed by the Worker (or rung into an agent's room, for a preview)
    public const string Answer = "/answer/{attemptId:guid}";
    /// <summary>Where Twilio asks when the answer URL fails: the Api (another process), else any Worker.</summary>
    public const string AnswerFallback = "/answer-fallback/{attemptId:guid}";
    public const string Status = "/status/{attemptId:guid}";
    public const string Amd = "/amd/{attemptId:guid}";
    public const string DialEnded = "/dial-ended/{attemptId:guid}";
    /// <summary>The customer pressed a key during the safe-harbour or agentless message.</summary>
    public const string OptOut = "/opt-out/{attemptId:guid}";

    /// <summary>A customer calls one of the caller IDs back (each number's voice URL), and presses a key.</summary>
    public const string CallbackLine = "/callback-line";
    public const string CallbackLineKey = "/callback-line/{campaignId:guid}/key";

    // the agent's line and room
    public const string AgentLine = "/agent-line/{agentId:guid}";
    public const string Room = "/room/{agentId:guid}";
    public const string HoldMusic = "/hold-music";
    public const string Digits = "/digits";

    // recordings, supervision, transfers
    public const string RecordingNotice = "/recording-notice/{campaignId:guid}";
    public const string Recording = "/recording/{attemptId:guid}";
    public const string SupervisorLeg = "/supervisor-leg/{sessionId:guid}";
    public const string TransferCustomer = "/transfers/{transferId:guid}/customer";
    public const string TransferToAgent = "/transfers/to-agent/{agentId:guid}/{attemptId:guid}";
    public const string TransferThirdParty = "/transfers/{transferId:guid}/third-party";
    public const string TransferThirdPartyStatus = "/transfers/{transferId:guid}/third-party-status";

    /// <summary>The answer URLs' path before the attempt: what the Worker times as the answer webhook.</summary>
    public const string AnswerPath = Prefix + "/answer";

    // the URLs, on a process's address as Twilio reaches it (a trailing slash or none)
    public static string AnswerUrl(string hooks, Guid attemptId) => Url(hooks, Answer, attemptId);
    public static string AnswerFallbackUrl(string hooks, Guid attemptId) => Url(hooks, AnswerFallback, attemptId);
    public static string StatusUrl(string hooks, Guid attemptId) => Url(hooks, Status, attemptId);
    public static string AmdUrl(string hooks, Guid attemptId) => Url(hooks, Amd, attemptId);
    public static string DialEndedUrl(string hooks, Guid attemptId) => Url(hooks, DialEnded, attemptId);
    public static string OptOutUrl(string hooks, Guid attemptId) => Url(hooks, OptOut, attemptId);
    public static string CallbackLineUrl(string hooks) => Url(hooks, CallbackLine);
    public static string CallbackLineKeyUrl(string hooks, Guid campaignId) => Url(hooks, CallbackLineKey, campaignId);
    public static string AgentLineUrl(string hooks, Guid agentId) => Url(hooks, AgentLine, agentId);
    public static string RoomUrl(string hooks, Guid agentId) => Url(hooks, Room, agentId);
    public static string HoldMusicUrl(string hooks) => Url(hooks, HoldMusic);

    /// <param name="digits">already checked against the DTMF rule</param>
    public static string DigitsUrl(string hooks, string digits) =>
        Url(hooks, Digits) + "?d=" + Uri.EscapeDataString(digits);

    public static string RecordingNoticeUrl(string hooks, Guid campaignId) => Url(hooks, RecordingNotice, campaignId);
    public static string RecordingUrl(string hooks, Guid attemptId) => Url(hooks, Recording, attemptId);
    public static string SupervisorLegUrl(string hooks, Guid sessionId) => Url(hooks, SupervisorLeg, sessionId);
    public static string TransferCustomerUrl(string hooks, Guid transferId) => Url(hooks, TransferCustomer, transferId);

    public static string TransferToAgentUrl(string hooks, Guid agentId, Guid attemptId) =>
        Url(hooks, TransferToAgent, agentId, attemptId);

    public static string TransferThirdPartyUrl(string hooks, Guid transferId) =>
        Url(hooks, TransferThirdParty, transferId);

    public static string TransferThirdPartyStatusUrl(string hooks, Guid transferId) =>
        Url(hooks, TransferThirdPartyStatus, transferId);

    /// <summary>The base, the prefix, and the template with each {parameter} replaced by the next id, in
    /// order.</summary>
    static string Url(string hooks, string template, params ReadOnlySpan<Guid> ids)
    {
        var url = new StringBuilder(hooks.TrimEnd('/')).Append(Prefix);
        var next = 0;
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != '{')
            {
                url.Append(template[i]);
                continue;
            }
            if (next == ids.Length) throw new ArgumentException($"{template} takes more ids than given.", nameof(ids));
            url.Append(ids[next++].ToString());
            i = template.IndexOf('}', i);
        }
        if (next != ids.Length) throw new ArgumentException($"{template} takes fewer ids than given.", nameof(ids));
        return url.ToString();
    }
}
