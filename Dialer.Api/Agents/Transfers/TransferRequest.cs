using Dialer.Core.Contacts;
using Dialer.Core.Transfers;

namespace Dialer.Api.Agents.Transfers;

/// <param name="Number">E.164, for a transfer to a number</param>
/// <param name="AgentId">another agent of the campaign, for a cold transfer to them</param>
public sealed record TransferTo(string? Number, Guid? AgentId);

/// <param name="Kind">cold, warm or threeWay</param>
public sealed record TransferRequest(string? Kind, TransferTo? To);

/// <param name="Action">join (all three talk) or handOver (the customer and the third party go on without the
/// agent)</param>
public sealed record CompleteTransferRequest(string? Action);

public sealed record WantedTransfer(TransferKind Kind, string? Number, Guid? AgentId);

/// <summary>
/// A transfer request read and checked field by field; the errors name the field as the problem details do.
/// </summary>
public static class TransferRequests
{
    /// <summary>E.164 has at most 15 digits after the plus.</summary>
    const int MaxNumberLength = 16;

    public static WantedTransfer? Read(TransferRequest request, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var kind = request.Kind?.Trim().ToLowerInvariant();
        if (kind is not ("cold" or "warm" or "threeway")) errors["kind"] = ["One of cold, warm, threeWay."];
        var (number, agentId) = (request.To?.Number?.Trim(), request.To?.AgentId);
        if (number is null && agentId is null)
            errors["to"] = ["Give the number (to.number) or the agent (to.agentId) to transfer to."];
        else if (number is not null && agentId is not null) errors["to"] = ["Give a number or an agent, not both."];
        else if (number is not null && (number.Length > MaxNumberLength || !Phones.IsE164(number)))
            errors["to.number"] = ["A valid number in E.164 form, such as +14155550100."];
        else if (agentId is not null && kind is "warm" or "threeway")
            errors["to.agentId"] =
                ["A warm or three-way transfer goes to a number; another agent takes a cold transfer."];
        if (errors.Count > 0) return null;
        return new WantedTransfer(kind switch
        {
            "warm" => TransferKind.Warm,
            "threeway" => TransferKind.ThreeWay,
            _ when agentId is not null => TransferKind.ColdAgent,
            _ => TransferKind.ColdNumber,
        }, number, agentId);
    }

    public static bool? Joins(CompleteTransferRequest request) => request.Action?.Trim().ToLowerInvariant() switch
    {
        "join" => true,
        "handover" => false,
        _ => null,
    };
}
