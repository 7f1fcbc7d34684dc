using System.Globalization;
using Dialer.TwilioSimulator.Calls;

namespace Dialer.TwilioSimulator.Callbacks;

/// <summary>The parameters Twilio sends with every request about a call (answer URL, callbacks, Dial action).</summary>
public static class CallParameters
{
    public static List<KeyValuePair<string, string>> For(SimCall call, string callStatus)
    {
        lock (call.Gate)
        {
            var parameters = new List<KeyValuePair<string, string>>
            {
                new("AccountSid", call.AccountSid),
                new("ApiVersion", CallResourceJson.ApiVersionValue),
                new("CallSid", call.Sid),
                new("CallStatus", callStatus),
                new("Called", call.To),
                new("Caller", call.From),
                new("Direction", call.Direction),
                new("From", call.From),
                new("To", call.To),
            };
            if (call.Instructions.DetectsMachines && call.AnsweredBy is { } answeredBy && !call.Instructions.AsyncAmd)
                parameters.Add(new("AnsweredBy", answeredBy));
            return parameters;
        }
    }

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
