using Microsoft.AspNetCore.Http;

namespace Dialer.TwilioSimulator.Calls;

/// <summary>Twilio's error body: {code, message, more_info, status}.</summary>
public sealed record TwilioError(int Code, string Message, string MoreInfo, int Status)
{
    public static IResult Result(int httpStatus, int code, string message) =>
        Results.Json(new TwilioError(code, message, $"https://www.twilio.com/docs/errors/{code}", httpStatus),
            CallResourceJson.Json, statusCode: httpStatus);

    public static Task WriteAsync(HttpContext context, int httpStatus, int code, string message, CancellationToken ct)
    {
        context.Response.StatusCode = httpStatus;
        return context.Response.WriteAsJsonAsync(
            new TwilioError(code, message, $"https://www.twilio.com/docs/errors/{code}", httpStatus),
            CallResourceJson.Json, ct);
    }

    public static IResult NotFound(string path) =>
        Result(404, 20404, $"The requested resource {path} was not found");
}
