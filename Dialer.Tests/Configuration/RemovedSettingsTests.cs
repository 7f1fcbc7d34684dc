using Dialer.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Dialer.Tests.Configuration;

public sealed class RemovedSettingsTests
{
    [Fact]
    public void The_old_per_Worker_rate_stops_the_Worker_at_start_naming_the_setting_that_replaced_it()
    {
        using var worker = new WorkerFactory("Host=127.0.0.1;Database=unused", new Uri("http://127.0.0.1:9"), "unused",
            new Dictionary<string, string?> { ["Twilio:CallsPerSecond"] = "25" });
        var refusal = Assert.ThrowsAny<OptionsValidationException>(() => worker.StartServer());
        Assert.Contains("Twilio:AccountCallsPerSecond", refusal.Message);
    }
}
