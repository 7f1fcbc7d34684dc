using Dialer.Core.Data;
using Dialer.Core.Transfers;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Agents.Transfers;

/// <summary>A transfer as the console and the attempt's view show it.</summary>
public sealed record TransferView(Guid Id, Guid AttemptId, TransferKind Kind, TransferState State, string? ToNumber,
    Guid? ToAgentId, Guid FromAgentId, DateTimeOffset At, DateTimeOffset? EndedAt, string? Error)
{
    public static TransferView Of(CallTransfer t) =>
        new(t.Id, t.AttemptId, t.Kind, t.State, t.ToNumber, t.ToAgentId, t.FromAgentId, t.At, t.EndedAt, t.Error);

    public static async Task<TransferView[]> OfAttemptAsync(DialerDb db, Guid attemptId, CancellationToken ct) =>
        (await db.CallTransfers.AsNoTracking().Where(t => t.AttemptId == attemptId).OrderBy(t => t.At).ToListAsync(ct))
            .Select(Of).ToArray();
}
