using System.ComponentModel.DataAnnotations;

namespace Dialer.ServiceDefaults.Hosting;

public sealed class RabbitMqOptions
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
}
