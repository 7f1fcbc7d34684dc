using Dialer.Core.Contacts;
using Microsoft.Extensions.Hosting;

namespace Dialer.ServiceDefaults.Hosting;

/// <summary>
/// Loads libphonenumber's data as the process starts, before it serves: the first answer after a start fills the
/// safe-harbour message's callback number, and loading the data then would be silence a customer hears.
/// </summary>
public sealed class PhoneDataWarmUp : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        _ = Phones.National("+14155550100");
        _ = Phones.ContainsNumber("call +34 912 345 678", "ES");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
