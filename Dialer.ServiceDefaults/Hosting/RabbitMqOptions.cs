using System.ComponentModel.DataAnnotations;

namespace Dialer.ServiceDefaults.Hosting;

public sealed class RabbitMqOptions : IValidatableObject
{
    public const string Section = "RabbitMq";
    [Required] public string Host { get; set; } = "127.0.0.1";
    [Range(1, 65535)] public int Port { get; set; } = 5672;
    [Required] public string VirtualHost { get; set; } = "/";
    [Required] public string Username { get; set; } = "guest";
    [Required] public string Password { get; set; } = "guest";
    /// <summary>Prefixes every queue this process consumes from: several isolated engines (tests) can share one
    /// broker.</summary>
    public string? EndpointPrefix { get; set; }
    /// <summary>Queues left unused this long are deleted by the broker (tests); none by default.</summary>
    public int? QueueExpirySeconds { get; set; }
    /// <summary>Durable queues are quorum queues (replicated on the cluster's nodes); false: classic queues, for a
    /// broker that has no quorum queues. Changing it on a broker that holds the queues already makes the declare fail
    /// (a queue keeps its type): delete the queues first.</summary>
    public bool QuorumQueues { get; set; } = true;
    /// <summary>The nodes of a RabbitMQ cluster, "host" or "host:port" (Port when none): the process connects to one
    /// of them and, when its connection breaks, to the next. Empty: Host and Port alone.</summary>
    public string[] ClusterNodes { get; set; } = [];

    /// <summary>The cluster's nodes starting at a random one, so that the processes spread their connections over
    /// the cluster instead of all sitting on its first node.</summary>
    public IReadOnlyList<string> NodesInConnectOrder(Random random)
    {
        if (ClusterNodes.Length == 0) return [];
        var first = random.Next(ClusterNodes.Length);
        return [.. ClusterNodes[first..], .. ClusterNodes[..first]];
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var node in ClusterNodes)
        {
            var parts = (node ?? "").Split(':');
            var good = parts.Length is 1 or 2 && parts[0].Trim().Length > 0 && Uri.CheckHostName(parts[0]) != 0
                && (parts.Length == 1 || int.TryParse(parts[1], out var port) && port is > 0 and < 65536);
            if (!good)
                yield return new ValidationResult($"RabbitMq:ClusterNodes: '{node}' is not host or host:port.",
                    [nameof(ClusterNodes)]);
        }
    }
}
