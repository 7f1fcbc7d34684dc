using Dialer.Core.OutboundWebhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dialer.ServiceDefaults.OutboundWebhooks;

public static class WebhookServices
{
    /// <summary>The settings every process validates (the Api checks URLs with them) and the sender.</summary>
    public static IHostApplicationBuilder AddOutboundWebhooks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<WebhookHttp>();
        builder.Services.AddHostedService<WebhookSender>();
        return builder;
    }
}
