using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dialer.TwilioSimulator.Calls;

/// <summary>The Call resource exactly as Twilio's OpenAPI schema api.v2010.account.call names it.</summary>
public sealed record CallResourceJson(
    string Sid,
    string DateCreated,
    string DateUpdated,
    string? ParentCallSid,
    string AccountSid,
    string To,
    string ToFormatted,
    string From,
    string FromFormatted,
    string? PhoneNumberSid,
    string Status,
    string? StartTime,
    string? EndTime,
    string? Duration,
    string? Price,
    string PriceUnit,
    string Direction,
    string? AnsweredBy,
    string ApiVersion,
    string? ForwardedFrom,
    string? GroupSid,
    string? CallerName,
    string QueueTime,
    string? TrunkSid,
    string Uri,
    Dictionary<string, string> SubresourceUris)
{
    public const string ApiVersionValue = "2010-04-01";

    /// <summary>snake_case, nulls written out, as Twilio's responses are.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // "+1555...", not
                                                                                         // "\u002B1555..."
    };

    public static string Rfc2822(DateTimeOffset time) =>
        time.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);

    public static string CallUri(string accountSid, string sid) =>
        $"/2010-04-01/Accounts/{accountSid}/Calls/{sid}.json";

    public static CallResourceJson Of(SimCall call)
    {
        lock (call.Gate)
        {
            var uri = CallUri(call.AccountSid, call.Sid);
            var baseUri = uri[..^".json".Length];
            return new CallResourceJson(
                call.Sid, Rfc2822(call.CreatedAt), Rfc2822(call.UpdatedAt), null, call.AccountSid,
                call.To, call.To, call.From, call.From, null, call.Status,
                call.StartTime is { } start ? Rfc2822(start) : null,
                call.EndTime is { } end ? Rfc2822(end) : null,
                CallStatus.IsFinal(call.Status) ? call.DurationSeconds.ToString(CultureInfo.InvariantCulture) : null,
                null, "USD", "outbound-api", call.AnsweredBy, ApiVersionValue, null, null, null,
                ((long)call.QueueTime.TotalMilliseconds).ToString(CultureInfo.InvariantCulture), null, uri,
                new Dictionary<string, string>
                {
                    ["feedback"] = $"{baseUri}/Feedback.json",
                    ["notifications"] = $"{baseUri}/Notifications.json",
                    ["recordings"] = $"{baseUri}/Recordings.json",
                    ["streams"] = $"{baseUri}/Streams.json",
                    ["payments"] = $"{baseUri}/Payments.json",
                    ["events"] = $"{baseUri}/Events.json",
                });
        }
    }
}
