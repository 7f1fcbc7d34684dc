using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace Dialer.Core.Data;

/// <summary>
/// Npgsql's retrying strategy, kept short: a command or unit of work that meets a dropped connection or a restarting
/// server runs again whole, a few times within seconds, since webhooks and customers wait on it.
/// </summary>
public sealed class DialerExecutionStrategy(ExecutionStrategyDependencies dependencies)
    : NpgsqlRetryingExecutionStrategy(dependencies, maxRetryCount: 4, maxRetryDelay: TimeSpan.FromSeconds(2),
        errorCodesToAdd: null);
