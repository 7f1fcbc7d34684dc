using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Dialer.Tests.Infrastructure;

/// <summary>
/// Every test process gets a RabbitMQ virtual host of its own, made when the assembly loads and deleted when the
/// process exits. On one broker shared with a demo, the chaos run or another test run, the message-type exchanges of
/// "/" would route one engine's events into every other engine's queues; and RabbitMQ 3.10 closes a publisher's
/// channel (541 INTERNAL_ERROR) when a queue it routes to is deleted at that moment, which stalled a demo's agents.
/// Without rabbitmqctl (a broker in Docker) the tests stay on the configured virtual host.
/// </summary>
static class TestVirtualHost
{
    public static string? Name { get; private set; }

    [ModuleInitializer]
    internal static void Create()
    {
        if (Environment.GetEnvironmentVariable("RabbitMq__VirtualHost") is { Length: > 0 }) return; // chosen outside
        var name = $"dialer-tests-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";
        if (!Ctl("add_vhost", name) || !Ctl("set_permissions", "-p", name, "guest", ".*", ".*", ".*")) return;
        Name = name;
        Environment.SetEnvironmentVariable("RabbitMq__VirtualHost", name);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Ctl("delete_vhost", name);
    }

    static bool Ctl(params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo("rabbitmqctl")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true
            };
            foreach (var arg in args) start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            return process.WaitForExit(60_000) && process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no rabbitmqctl on this machine
        }
    }
}
