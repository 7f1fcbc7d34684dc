namespace Dialer.Bench.Pacing;

sealed record BenchOptions(IReadOnlyList<string> ScenarioFiles, int? Seeds, double? Hours, string? Out, IReadOnlyList<string> Policies)
{
    public static BenchOptions Parse(string[] args)
    {
        var files = new List<string>();
        int? seeds = null;
        double? hours = null;
        string? output = null;
        IReadOnlyList<string> policies = Pacing.Policies.Names;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--seeds": seeds = int.Parse(Next()); break;
                case "--hours": hours = double.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--out": output = Next(); break;
                case "--policy": policies = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
                default: files.Add(args[i]); break;
            }
        }
        var unknown = policies.Except(Pacing.Policies.Names).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"unknown policy {string.Join(", ", unknown)}; known: {string.Join(", ", Pacing.Policies.Names)}");
        return new BenchOptions(files.Count > 0 ? files : [.. PublicScenarios()], seeds, hours, output, policies);
    }

    // ops/bench/pacing/scenarios from the repository root (the folder holding Dialer.sln)
    static IEnumerable<string> PublicScenarios()
    {
        var root = FindRoot(Directory.GetCurrentDirectory()) ?? FindRoot(AppContext.BaseDirectory);
        var folder = root is null ? null : Path.GetFullPath(Path.Combine(root, "ops", "bench", "pacing", "scenarios"));
        if (folder is null || !Directory.Exists(folder))
        {
            Console.Error.WriteLine("public scenarios not found (ops/bench/pacing/scenarios from the repository root)");
            return [];
        }
        return Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal);
    }

    static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Dialer.sln"))) return dir.FullName;
        return null;
    }
}
