namespace Dialer.Worker;

/// <summary>Names the Worker assembly for WebApplicationFactory in the tests.</summary>
public sealed class WorkerMarker;
