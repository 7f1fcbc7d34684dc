using Dialer.ServiceDefaults.Telemetry;

namespace Dialer.Worker.Webhooks;

/// <summary>
/// Times the answer webhook end to end: while it runs the customer hears silence, and past two seconds
/// an unconnected call breaks the safe-harbour rule.
/// </summary>
public static class AnswerWebhookTiming
{
    public static IApplicationBuilder UseAnswerWebhookTiming(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
    {
        if (!context.Request.Path.StartsWithSegments(WebhookRoutes.AnswerPath))
        {
            await next(context);
            return;
        }
        var clock = context.RequestServices.GetRequiredService<TimeProvider>();
        var started = clock.GetTimestamp();
        try { await next(context); }
        finally
        {
            context.RequestServices.GetRequiredService<DialerMetrics>()
                .AnswerWebhookTook(clock.GetElapsedTime(started));
        }
    });
}
