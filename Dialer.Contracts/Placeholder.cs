namespace Dialer.Contracts; public sealed record Placeholder;
