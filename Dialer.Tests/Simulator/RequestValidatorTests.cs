using Dialer.TwilioSimulator.Validation;
using Microsoft.Extensions.Primitives;

namespace Dialer.Tests.Simulator;

/// <summary>The simulator's request validator over Twilio's own description, request by request, in memory.</summary>
public sealed class RequestValidatorTests
{
    const string Account = "/2010-04-01/Accounts/AC00000000000000000000000000000001";
    const string Call = "CA0123456789abcdef0123456789abcdef";
    const string Room = "CF0123456789abcdef0123456789abcdef";
    const string Recording = "RE0123456789abcdef0123456789abcdef";
    const string Form = "application/x-www-form-urlencoded";
    static readonly RequestValidator Validator = new(ApiDescription.Twilio);

    static Refusal? Post(string path, params (string Name, string Value)[] form) =>
        Send("POST", Account + path, Form, form.Length > 0, form);

    static Refusal? Send(string method, string path, string? contentType, bool hasBody,
        params (string Name, string Value)[] form) =>
        Validator.Check(new ApiRequest(method, path, contentType, hasBody, Fields(), Fields(form)));

    static Refusal? Get(string path, params (string Name, string Value)[] query) =>
        Validator.Check(new ApiRequest("GET", Account + path, null, false, Fields(query), Fields()));

    /// <summary>Repeated names become one key with several values, as ASP.NET reads a form or a query.</summary>
    static KeyValuePair<string, StringValues>[] Fields(params (string Name, string Value)[] pairs) =>
        pairs.GroupBy(p => p.Name)
            .Select(g => KeyValuePair.Create(g.Key, new StringValues(g.Select(p => p.Value).ToArray())))
            .ToArray();

    static readonly (string, string)[] NewCall = [("To", "+15551230001"), ("From", "+15559990000")];

    [Fact]
    public void A_create_call_as_the_engine_sends_it_passes()
    {
        var refusal = Post("/Calls.json", [
            .. NewCall, ("Url", "https://dialer.example.com/twilio/answer/1"), ("Method", "POST"),
            ("StatusCallback", "https://dialer.example.com/twilio/status/1"), ("StatusCallbackMethod", "POST"),
            ("StatusCallbackEvent", "initiated"), ("StatusCallbackEvent", "answered"),
            ("StatusCallbackEvent", "completed"),
            ("Timeout", "25"), ("MachineDetection", "DetectMessageEnd"), ("AsyncAmd", "true"),
            ("AsyncAmdStatusCallback", "https://dialer.example.com/twilio/amd/1"), ("TimeLimit", "14400"),
        ]);

        Assert.Null(refusal);
    }

    [Theory]
    [InlineData("/2010-04-01/Accounts/ACsimulator00000000000000000000000/Calls.json")]
    [InlineData("/2010-04-01/Accounts/AC0000000000000000000000000000001/Calls.json")]
    [InlineData("/2010-04-01/Accounts/AC00000000000000000000000000000001/Calls/CA123.json")]
    [InlineData("/2010-04-01/Accounts/AC00000000000000000000000000000001/Calls/" + Call + "/Nothing.json")]
    [InlineData("/2010-04-01/Accounts/AC00000000000000000000000000000001/calls.json")]
    [InlineData(Account + "/Conferences/room-1/Participants/" + Call + ".json")]
    public void A_path_Twilio_has_no_resource_at_is_20404_naming_the_path(string path)
    {
        var refusal = Validator.Check(new ApiRequest("GET", path, null, false, Fields(), Fields()));

        Assert.Equal(new Refusal(404, 20404, $"The requested resource {path} was not found"), refusal);
    }

    [Fact]
    public void A_method_the_resource_does_not_take_is_405_20004()
    {
        var refusal = Send("PUT", Account + "/Calls.json", Form, true, NewCall);

        Assert.Equal((405, 20004), (refusal?.Status, refusal?.Code));
    }

    [Fact]
    public void A_body_that_is_not_form_encoded_is_refused()
    {
        var refusal = Send("POST", Account + "/Calls.json", "application/json", true);

        Assert.Equal((400, 19056), (refusal?.Status, refusal?.Code));
    }

    [Fact]
    public void A_post_with_no_body_at_all_is_an_empty_form()
    {
        Assert.Null(Send("POST", $"{Account}/Calls/{Call}.json", null, false));
        Assert.Null(Send("POST", $"{Account}/Calls/{Call}.json", $"{Form}; charset=utf-8", true,
            ("Status", "completed")));
    }

    [Theory]
    [InlineData("To", 21201)]
    [InlineData("From", 21213)]
    public void A_missing_number_has_Twilios_code(string missing, int code)
    {
        var refusal = Post("/Calls.json", [.. NewCall.Where(f => f.Item1 != missing), ("Url", "https://x.example/a")]);

        Assert.Equal((400, code), (refusal?.Status, refusal?.Code));
    }

    [Fact]
    public void A_missing_required_field_is_named()
    {
        var refusal = Post($"/Calls/{Call}/Recordings/{Recording}.json", ("PauseBehavior", "skip"));

        Assert.Equal(new Refusal(400, 20001, "Missing required parameter Status"), refusal);
    }

    [Theory]
    [InlineData("Foo")]
    [InlineData("url")] // names are case-sensitive at Twilio
    [InlineData("StatusCallbackEvents")]
    public void An_unknown_parameter_is_refused_by_name(string name)
    {
        var refusal = Post("/Calls.json", [.. NewCall, (name, "x")]);

        Assert.Equal(new Refusal(400, 20001, $"Unknown parameters: {name}"), refusal);
    }

    [Theory]
    [InlineData("Timeout", "soon", 20001, "is not an integer")]
    [InlineData("Record", "yes", 20001, "is not true or false")]
    [InlineData("Method", "PUT", 21209, "is not one of GET, POST")]
    [InlineData("Url", "/twilio/answer", 21205, "is not an absolute http(s) URL")]
    [InlineData("StatusCallback", "dialer/status", 21609, "is not an absolute http(s) URL")]
    [InlineData("ApplicationSid", "APsimulator00000000000000000000000", 20001, "does not match ^AP[0-9a-fA-F]{32}$")]
    [InlineData("Byoc", "BY00", 20001, "does not match ^BY[0-9a-fA-F]{32}$")]
    public void A_value_the_description_refuses_is_400_naming_field_value_and_reason(
        string name, string value, int code, string reason)
    {
        var refusal = Post("/Calls.json", [.. NewCall, (name, value)]);

        Assert.Equal(new Refusal(400, code, $"Invalid {name}: '{value}' {reason}"), refusal);
    }

    [Fact]
    public void An_enum_from_the_descriptions_components_is_checked()
    {
        Assert.Null(Post($"/Calls/{Call}.json", ("Status", "completed")));
        Assert.Equal(20001, Post($"/Calls/{Call}.json", ("Status", "busy"))?.Code);
        Assert.Equal(20001, Post($"/Calls/{Call}/Recordings/{Recording}.json", ("Status", "resumed"))?.Code);
    }

    [Fact]
    public void Lists_are_repeated_keys_and_a_single_value_given_twice_is_refused()
    {
        (string, string)[] events = [("StatusCallbackEvent", "ringing"), ("StatusCallbackEvent", "answered")];
        Assert.Null(Post("/Calls.json", [.. NewCall, .. events]));

        var refusal = Post("/Calls.json", [.. NewCall, ("Timeout", "20"), ("Timeout", "30")]);

        Assert.Equal(new Refusal(400, 20001, "Invalid Timeout: given more than once, but it is not a list"), refusal);
    }

    [Fact]
    public void A_participant_is_created_in_a_room_named_by_its_friendly_name_but_updated_by_the_rooms_sid()
    {
        (string, string)[] join = [("From", "+15559990000"), ("To", "client:alice"), ("Label", "agent")];

        Assert.Null(Post("/Conferences/agent-42/Participants.json", join));
        Assert.Null(Post($"/Conferences/{Room}/Participants/{Call}.json", ("Hold", "true"), ("HoldUrl", "")));
        Assert.Null(Post($"/Conferences/{Room}/Participants/customer.json", ("Muted", "false")));
        Assert.Equal(404, Post($"/Conferences/agent-42/Participants/{Call}.json", ("Hold", "true"))?.Status);
        Assert.Equal(20001, Post($"/Conferences/{Room}/Participants/{Call}.json", ("CallSidToCoach", "bob"))?.Code);
    }

    [Fact]
    public void Query_parameters_are_checked_like_form_fields()
    {
        Assert.Null(Get("/Calls.json", ("To", "+15551230001"), ("StartTime>", "2026-01-02T03:04:05Z"),
            ("PageSize", "50")));
        Assert.Null(Get("/Calls.json", ("StartTime", "2026-01-02")));
        Assert.Equal(20001, Get("/Calls.json", ("StartTime>", "yesterday"))?.Code);
        Assert.Equal(20001, Get("/Calls.json", ("StartTime>=", "2026-01-02"))?.Code);
        Assert.Equal("Invalid PageSize: '0' is below 1", Get("/Calls.json", ("PageSize", "0"))?.Message);
        Assert.Equal("Invalid PageSize: '1001' is above 1000", Get("/Calls.json", ("PageSize", "1001"))?.Message);
        Assert.Equal(20001, Get("/Conferences.json", ("Status", "ringing"))?.Code);
    }

    [Theory]
    [InlineData(".mp3")]
    [InlineData(".wav")]
    [InlineData("")]
    public void A_recordings_media_is_served_although_the_description_leaves_it_out(string extension)
    {
        Assert.Null(Get($"/Recordings/{Recording}{extension}"));
        Assert.Equal(404, Get($"/Recordings/RE123{extension}")?.Status);
    }

    [Theory]
    [InlineData("/2010-04-01/Accounts/AC00000000000000000000000000000001/Calls.json", true)]
    [InlineData("/sim/calls", false)]
    [InlineData("/health", false)]
    public void Only_Twilios_api_is_checked(string path, bool checkedPath) =>
        Assert.Equal(checkedPath, RequestValidator.IsTwilioApi(path));
}
