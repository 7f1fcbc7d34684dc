namespace Dialer.Core.Changes;

/// <summary>
/// An event written in the transaction of the change it tells of, and published to RabbitMQ after the commit by the
/// <see cref="OutboxDispatcher"/>: the event goes out if and only if the change was saved, whether the broker was up
/// then or not.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>Also the publishing order.</summary>
    public long Id { get; set; }
    /// <summary>The message's .NET type, as "full name, assembly".</summary>
    public string Type { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    /// <summary>Failed publishes so far.</summary>
    public int Attempts { get; set; }
}
