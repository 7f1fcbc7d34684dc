using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Dialer.ServiceDefaults.Health;
using Dialer.ServiceDefaults.Hosting;
using YamlDotNet.RepresentationModel;

namespace Dialer.Tests.Scale;

/// <summary>ops/k8s, read as Kubernetes would: the probes reach the health routes on the management port the
/// configuration sets, and every setting the ConfigMap gives binds to an options class (a typo would be ignored).
/// </summary>
public sealed class KubernetesManifestsTests
{
    static readonly string Folder = Path.Combine(RepoRoot(), "ops", "k8s");

    [Theory]
    [InlineData("dialer-api")]
    [InlineData("dialer-worker")]
    public void The_engines_pods_are_ready_and_alive_by_the_health_routes_on_the_management_port(string name)
    {
        var container = Containers(name).Single();
        var ports = ((YamlSequenceNode)container["ports"]).Cast<YamlMappingNode>()
            .ToDictionary(p => Text(p, "name"), p => Text(p, "containerPort"));
        Assert.Equal(Settings()["Management__Port"], ports["management"]);
        Assert.Equal(DialerHealth.ReadyPath, Text(Probe(container, "readinessProbe"), "path"));
        Assert.Equal(DialerHealth.LivePath, Text(Probe(container, "livenessProbe"), "path"));
        foreach (var probe in new[] { "readinessProbe", "livenessProbe", "startupProbe" })
            Assert.Equal("management", Text(Probe(container, probe), "port"));
        var from = ((YamlSequenceNode)container["envFrom"]).Cast<YamlMappingNode>()
            .Select(e => e.Children.Keys.Single().ToString()).ToHashSet();
        Assert.Equal(["configMapRef", "secretRef"], from.Order());
    }

    [Fact]
    public void Every_setting_of_the_config_map_binds_to_an_options_class_and_its_cluster_nodes_are_valid()
    {
        var known = (from type in typeof(RabbitMqOptions).Assembly.GetTypes()
                         .Concat(typeof(Api.ApiMarker).Assembly.GetTypes())
                         .Concat(typeof(Worker.WorkerMarker).Assembly.GetTypes())
                         .Concat(typeof(Core.Data.DialerDb).Assembly.GetTypes())
                     let section = type.GetField("Section", BindingFlags.Public | BindingFlags.Static)
                     where section is { IsLiteral: true }
                     from property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     select $"{section.GetRawConstantValue()}__{property.Name}")
            .Concat(["ASPNETCORE_ENVIRONMENT", "Urls"]).ToHashSet();
        var settings = Settings();
        var unknown = settings.Keys
            .Where(k => !known.Contains(System.Text.RegularExpressions.Regex.Replace(k, "__\\d+$", "")));
        Assert.Empty(unknown);

        var rabbit = new RabbitMqOptions
        {
            ClusterNodes = [.. settings.Where(s => s.Key.StartsWith("RabbitMq__ClusterNodes__")).Select(s => s.Value)],
        };
        Assert.Equal(3, rabbit.ClusterNodes.Length);
        var errors = new List<ValidationResult>();
        Assert.True(Validator.TryValidateObject(rabbit, new ValidationContext(rabbit), errors, true),
            string.Join("; ", errors.Select(e => e.ErrorMessage)));
    }

    static Dictionary<string, string> Settings()
    {
        var map = Documents().Single(d => Text(d, "kind") == "ConfigMap");
        return ((YamlMappingNode)map["data"]).Children.ToDictionary(c => c.Key.ToString(), c => c.Value.ToString());
    }

    static IEnumerable<YamlMappingNode> Containers(string deployment)
    {
        var doc = Documents().Single(d => Text(d, "kind") == "Deployment"
            && Text((YamlMappingNode)d["metadata"], "name") == deployment);
        var pod = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)doc["spec"])["template"])["spec"];
        return ((YamlSequenceNode)pod["containers"]).Cast<YamlMappingNode>();
    }

    static YamlMappingNode Probe(YamlMappingNode container, string probe) =>
        (YamlMappingNode)((YamlMappingNode)container[probe])["httpGet"];

    static string Text(YamlMappingNode node, string key) => node[key].ToString();

    static List<YamlMappingNode> Documents()
    {
        var documents = new List<YamlMappingNode>();
        foreach (var file in Directory.GetFiles(Folder, "*.yaml"))
        {
            var stream = new YamlStream();
            using var reader = new StreamReader(file);
            stream.Load(reader);
            documents.AddRange(stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>());
        }
        return documents;
    }

    static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dialer.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Dialer.sln not found above the test binaries");
    }
}
