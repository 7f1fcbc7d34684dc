namespace Dialer.Bench.Pacing.Report;

sealed record ScenarioResult(string Name, int Seeds, double Hours, IReadOnlyList<PolicyResult> Policies);
