namespace Dialer.Api;

/// <summary>Names the Api assembly for WebApplicationFactory in the tests.</summary>
public sealed class ApiMarker;
