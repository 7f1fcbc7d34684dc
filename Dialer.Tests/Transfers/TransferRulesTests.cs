using Dialer.Api.Agents.Transfers;
using Dialer.Core.Transfers;

namespace Dialer.Tests.Transfers;

/// <summary>A transfer's states, and the request's fields, without a call.</summary>
public sealed class TransferRulesTests
{
    static readonly DateTimeOffset Now = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);

    static CallTransfer Start(TransferKind kind) =>
        CallTransfer.Start(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), kind,
            kind == TransferKind.ColdAgent ? null : "+14155550199",
            kind == TransferKind.ColdAgent ? Guid.NewGuid() : null, Now);

    [Theory]
    [InlineData(TransferKind.Warm, TransferState.Consulting)]
    [InlineData(TransferKind.ThreeWay, TransferState.Joined)]
    [InlineData(TransferKind.ColdNumber, TransferState.HandedOver)]
    [InlineData(TransferKind.ColdAgent, TransferState.HandedOver)]
    public void Each_kind_starts_where_it_should(TransferKind kind, TransferState state)
    {
        var transfer = Start(kind);
        Assert.Equal((state, true, null), (transfer.State, transfer.IsOpen, transfer.EndedAt));
    }

    [Fact]
    public void A_consult_joins_once_then_hands_over_and_is_then_closed_to_the_agent()
    {
        var transfer = Start(TransferKind.Warm);
        Assert.Null(transfer.TryJoin());
        Assert.Equal(TransferState.Joined, transfer.State);
        Assert.NotNull(transfer.TryJoin());
        Assert.Null(transfer.TryHandOver());
        Assert.Equal((TransferState.HandedOver, false), (transfer.State, transfer.InAgentsRoom));
        Assert.NotNull(transfer.TryHandOver());
        Assert.NotNull(transfer.TryCancel(Now));
        Assert.NotNull(transfer.TryJoin());
    }

    [Fact]
    public void Canceling_a_consult_cancels_it_and_dropping_a_three_way_third_party_completes_it()
    {
        var consult = Start(TransferKind.Warm);
        Assert.Null(consult.TryCancel(Now));
        Assert.Equal((TransferState.Canceled, Now), (consult.State, consult.EndedAt));
        var threeWay = Start(TransferKind.ThreeWay);
        Assert.Null(threeWay.TryCancel(Now));
        Assert.Equal(TransferState.Completed, threeWay.State);
        Assert.NotNull(threeWay.TryCancel(Now));
    }

    [Theory]
    [InlineData(TransferKind.Warm, true, TransferState.Completed, CustomerAfterThirdParty.OffHold)]
    [InlineData(TransferKind.Warm, false, TransferState.Failed, CustomerAfterThirdParty.OffHold)]
    [InlineData(TransferKind.ThreeWay, true, TransferState.Completed, CustomerAfterThirdParty.Nothing)]
    [InlineData(TransferKind.ColdNumber, true, TransferState.Completed, CustomerAfterThirdParty.Nothing)]
    [InlineData(TransferKind.ColdNumber, false, TransferState.Failed, CustomerAfterThirdParty.TellAndHangUp)]
    public void The_third_partys_end_closes_the_transfer_and_says_what_the_customer_needs(TransferKind kind,
        bool answered, TransferState state,
        CustomerAfterThirdParty customer)
    {
        var transfer = Start(kind);
        Assert.Equal(customer, transfer.ThirdPartyEnded(answered, answered ? "completed" : "no-answer", Now));
        Assert.Equal((state, Now), (transfer.State, transfer.EndedAt));
        Assert.Equal(answered, transfer.Error is null);
        // a repeated callback changes nothing
        Assert.Equal(CustomerAfterThirdParty.Nothing, transfer.ThirdPartyEnded(true, "completed", Now.AddSeconds(5)));
        Assert.Equal((state, Now), (transfer.State, transfer.EndedAt));
    }

    [Fact]
    public void A_closed_transfer_ignores_its_third_partys_end_and_a_cold_transfer_to_an_agent_is_complete_when_put_through()
    {
        var canceled = Start(TransferKind.Warm);
        canceled.TryCancel(Now);
        Assert.Equal(CustomerAfterThirdParty.Nothing, canceled.ThirdPartyEnded(true, "completed", Now));
        Assert.Equal(TransferState.Canceled, canceled.State);

        var toAgent = Start(TransferKind.ColdAgent);
        Assert.True(toAgent.PutThrough(Now));
        Assert.Equal(TransferState.Completed, toAgent.State);
        Assert.False(Start(TransferKind.ColdNumber).PutThrough(Now));
    }

    [Fact]
    public void A_failure_keeps_the_first_end_and_a_short_error()
    {
        var transfer = Start(TransferKind.ColdNumber);
        transfer.Fail(new string('x', 500), Now);
        Assert.Equal((TransferState.Failed, CallTransfer.MaxErrorLength), (transfer.State, transfer.Error!.Length));
        transfer.Placed("CA1");
        transfer.Placed("CA2");
        Assert.Equal("CA1", transfer.ThirdPartyCallSid);
    }

    [Theory]
    [InlineData("cold", "+14155550199", null, TransferKind.ColdNumber)]
    [InlineData("COLD", null, "agent", TransferKind.ColdAgent)]
    [InlineData("warm", "+442079460958", null, TransferKind.Warm)]
    [InlineData("threeWay", "+14155550199", null, TransferKind.ThreeWay)]
    public void A_request_names_its_kind_by_what_it_goes_to(string kind, string? number, string? agent, TransferKind expected)
    {
        var wanted = TransferRequests.Read(
            new TransferRequest(kind, new TransferTo(number, agent is null ? null : Guid.NewGuid())), out var errors);
        Assert.Empty(errors);
        Assert.Equal(expected, wanted!.Kind);
    }

    [Theory]
    [InlineData("cold", "+1 415 555 0199", false, "to.number")]
    [InlineData("cold", "+99", false, "to.number")]
    [InlineData("cold", "+14155550199", true, "to")]
    [InlineData("threeWay", null, true, "to.agentId")]
    [InlineData(null, "+14155550199", false, "kind")]
    [InlineData("cold", null, false, "to")]
    public void A_bad_request_names_the_field(string? kind, string? number, bool agent, string field)
    {
        Assert.Null(
            TransferRequests.Read(new TransferRequest(kind, new TransferTo(number, agent ? Guid.NewGuid() : null)),
                out var errors));
        Assert.Contains(field, errors.Keys);
    }
}
