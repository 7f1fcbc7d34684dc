using System.Diagnostics;
using System.Text.Json;

namespace Dialer.Tests.Compliance.Jurisdictions;

/// <summary>
/// ops/demo-check/jurisdictions.py, the demo's independent check of the simulator's record against the shipped rule
/// data, run on hand-made records: clean ones pass, each kind of violation is caught.
/// </summary>
public sealed class DemoJurisdictionCheckTests
{
    const string Dnc = "+12125550199";

    static object Call(string to, string createdAt) => new { sid = "CA" + Guid.NewGuid().ToString("N"), to, createdAt };

    [Fact]
    public async Task Calls_inside_every_places_hours_are_clean()
    {
        var (exit, output) = await CheckAsync(
            Call("+13055550101", "2026-12-07T15:00:00Z"),  // Florida, Monday 10:00
            Call("+13055550102", "2026-12-08T00:30:00Z"),  // Florida, Monday 19:30: before its 20:00
            Call("+34911234567", "2026-12-09T19:30:00Z"),  // Madrid, Wednesday 20:30
            Call("+14165550100", "2026-12-05T16:00:00Z"),  // Toronto, Saturday 11:00: weekends 10:00-18:00
            Call("+442079460100", "2026-12-06T09:00:00Z"), // London, Sunday 09:00
            Call("+12025550001", "2026-12-07T03:00:00Z")); // an agent's line: not a customer's call

        Assert.Equal(0, exit);
        Assert.EndsWith("jurisdictions: calls 5, violations 0", output.Trim());
        Assert.Contains("US-FL 2", output);
        Assert.Contains("CA-ON 1", output);
        Assert.Contains("ES 1", output);
    }

    [Theory]
    [InlineData("+13055550101", "2026-12-08T01:30:00Z", "US-FL")] // 20:30 in Miami: federal hours open, Florida's not
    [InlineData("+34911234567", "2026-12-05T10:00:00Z", "ES")]    // Saturday 11:00 in Madrid: weekdays only
    [InlineData("+34911234567", "2026-12-07T07:30:00Z", "ES")]    // Monday 08:30 in Madrid: from 09:00
    [InlineData("+14165550100", "2026-12-05T14:30:00Z", "CA")]    // Saturday 09:30 in Toronto: from 10:00
    [InlineData("+12125550100", "2026-12-07T12:30:00Z", "default")] // 07:30 in New York
    [InlineData(Dnc, "2026-12-07T15:00:00Z", "do-not-call")]
    public async Task One_call_outside_its_places_rules_is_a_violation(string to, string createdAt, string rule)
    {
        var (exit, output) = await CheckAsync(Call("+13055550109", "2026-12-07T15:00:00Z"), Call(to, createdAt));

        Assert.Equal(1, exit);
        Assert.EndsWith("jurisdictions: calls 2, violations 1", output.Trim());
        var violation = Assert.Single(output.Split('\n'), l => l.Contains("violation:"));
        Assert.Contains(rule, violation);
        Assert.DoesNotContain(to, violation); // masked, as every log masks a number
    }

    static async Task<(int Exit, string Output)> CheckAsync(params object[] calls)
    {
        var record = Path.GetTempFileName();
        await File.WriteAllTextAsync(record, JsonSerializer.Serialize(calls));
        try
        {
            var script = Path.Combine(RepositoryRoot(), "ops", "demo-check", "jurisdictions.py");
            var start = new ProcessStartInfo("python3", [script, "check", "--record", record, "--dnc", Dnc])
            {
                RedirectStandardOutput = true,
            };
            using var python = Process.Start(start)!;
            var output = await python.StandardOutput.ReadToEndAsync();
            await python.WaitForExitAsync();
            return (python.ExitCode, output);
        }
        finally
        {
            File.Delete(record);
        }
    }

    static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dialer.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Dialer.sln not found above the test binaries");
    }
}
