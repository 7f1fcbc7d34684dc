using System.Net;
using Dialer.Core.OutboundWebhooks;

namespace Dialer.Tests.Webhooks;

/// <summary>The pure rules: the signature, the addresses, the retry schedule.</summary>
public sealed class WebhookRulesTests
{
    static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
    const string One = "secret-one-secret-one", Two = "secret-two-secret-two";
    static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
    const string Body = """{"id":"1","type":"call.answered"}""";

    [Fact]
    public void A_signature_verifies_with_its_secret_only_over_the_same_body_and_within_the_tolerance()
    {
        var header = WebhookSignature.Sign(One, Body, Now);

        Assert.True(WebhookSignature.Verify(One, Body, header, Now.AddMinutes(1), Tolerance));
        Assert.False(WebhookSignature.Verify(Two, Body, header, Now, Tolerance));
        Assert.False(WebhookSignature.Verify(One, Body + " ", header, Now, Tolerance));
        Assert.False(WebhookSignature.Verify(One, Body, header, Now.AddMinutes(6), Tolerance));
        Assert.False(WebhookSignature.Verify(One, Body, null, Now, Tolerance));
    }

    [Fact]
    public void The_signature_is_hmac_sha256_of_the_timestamp_a_dot_and_the_body()
    {
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            "k"u8.ToArray(), System.Text.Encoding.UTF8.GetBytes($"{Now.ToUnixTimeSeconds()}.{Body}")));

        Assert.Equal($"t={Now.ToUnixTimeSeconds()},v1={expected}", WebhookSignature.Sign("k", Body, Now));
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.0.0.1", true)]
    [InlineData("172.16.5.4", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("192.168.1.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("8.8.8.8", false)]
    [InlineData("2606:4700::1111", false)]
    public void Private_addresses_are_known(string address, bool isPrivate) =>
        Assert.Equal(isPrivate, WebhookAddresses.IsPrivate(IPAddress.Parse(address)));

    [Fact]
    public void A_failing_delivery_waits_twice_as_long_each_time_up_to_the_cap_and_is_given_up_after_a_day()
    {
        var o = new WebhookOptions { FirstRetrySeconds = 5, MaxRetrySeconds = 3600, GiveUpAfterHours = 24 };
        var delivery = new WebhookDelivery { CreatedAt = Now, NextAttemptAt = Now };

        var waits = new List<TimeSpan>();
        var at = Now;
        while (delivery.State == DeliveryState.Pending)
        {
            delivery.Record(null, "connection refused", TimeSpan.Zero, at, o);
            if (delivery.State == DeliveryState.Pending) waits.Add(delivery.NextAttemptAt - at);
            at = delivery.NextAttemptAt;
        }

        Assert.Equal([5, 10, 20, 40], waits.Take(4).Select(w => w.TotalSeconds));
        Assert.Equal(3600, waits.Max().TotalSeconds);
        Assert.Equal(DeliveryState.GaveUp, delivery.State);
        Assert.InRange(at - Now, TimeSpan.FromHours(24), TimeSpan.FromHours(25));
    }

    [Fact]
    public void A_2xx_delivers()
    {
        var delivery = new WebhookDelivery { CreatedAt = Now, NextAttemptAt = Now };

        var attempt = delivery.Record(200, null, TimeSpan.FromMilliseconds(12), Now, new WebhookOptions());

        Assert.Equal((DeliveryState.Delivered, 200, 12), (delivery.State, attempt.StatusCode, attempt.DurationMs));
    }
}
