using System.Text.Json;
using Dialer.Core.Campaigns;
using Dialer.Core.Contacts;
using Dialer.Core.Dialing;
using Dialer.ServiceDefaults.Twilio;
using Dialer.Worker.Dialing;

namespace Dialer.Tests.Dialing;

/// <summary>Every field the engine sends to Twilio, and every one it reads back, exists in Twilio's own API
/// description.</summary>
public sealed class TwilioContractTests
{
    static readonly JsonElement Contract = JsonDocument.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Dialing", "twilio-call-contract.json"))).RootElement;

    static HashSet<string> Set(string name) =>
        Contract.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToHashSet();

    [Theory]
    [InlineData(MachineHandling.NoDetection, false)]
    [InlineData(MachineHandling.HangUp, false)]
    [InlineData(MachineHandling.VoicemailDrop, true)]
    [InlineData(MachineHandling.ConnectAnyway, true)]
    public void Every_form_field_of_the_create_call_request_is_in_Twilios_description(MachineHandling machines, bool asyncAmd)
    {
        var settings = new CampaignSettings
        {
            CallerId = "+14155550100", MachineHandling = machines,
            AsyncMachineDetection = asyncAmd, VoicemailMessage = "hi"
        };
        var attempt = CallAttempt.Create(Guid.NewGuid(), 1, DateTimeOffset.UtcNow);
        var contact = new Contact { Phone = "+14155550101" };
        var options = new TwilioOptions { PublicWebhookBaseUrl = "https://dialer.example.com" };

        var sent = TwilioDialer.BuildRequest(attempt, contact, settings, options).GetParams().Select(p => p.Key)
            .ToHashSet();

        Assert.Subset(Set("createCallFormFields"), sent);
        Assert.Contains("StatusCallbackEvent", sent);
        Assert.Contains($"https://dialer.example.com/twilio/status/{attempt.Id}",
            TwilioDialer.BuildRequest(attempt, contact, settings, options).GetParams()
                .Where(p => p.Key == "StatusCallback").Select(p => p.Value));
    }

    [Fact]
    public void Every_call_field_and_query_parameter_the_engine_reads_is_in_Twilios_description()
    {
        // CallResource.Sid, Status and DateCreated (reconciliation), AnsweredBy; the list filters the reconciler uses
        Assert.Subset(Set("callResourceFields"),
            new HashSet<string> { "sid", "status", "date_created", "answered_by", "to", "from" });
        Assert.Subset(Set("listCallsQueryParameters"), new HashSet<string> { "To", "From", "PageSize" });
    }

    [Fact]
    public void Every_call_status_Twilio_can_report_maps_to_an_attempt_state()
    {
        foreach (var status in Set("callStatuses").Append("initiated"))
            Assert.NotNull(TwilioStatus.ToState(status));
    }
}
