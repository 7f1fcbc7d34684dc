namespace Dialer.TwilioSimulator.Validation;

/// <summary>
/// Requests Twilio serves that its description leaves out. Each is checked as its documented neighbour is; nothing
/// else is added here without a reason.
/// </summary>
public static class DescriptionGaps
{
    const string Recording = "/2010-04-01/Accounts/{AccountSid}/Recordings/{Sid}.json";

    public static IEnumerable<ApiOperation> Operations(ApiDescription description)
    {
        // A recording's audio: Twilio's Recording docs serve it at the resource's URI with .wav, .mp3 or no extension
        // (RecordingUrl in callbacks has none); the description only has the JSON resource.
        var resource = description.Find("GET", Recording)
                       ?? throw new InvalidOperationException($"Twilio's description has no GET {Recording}");
        foreach (var extension in new[] { ".wav", ".mp3", "" })
        {
            yield return resource with
            {
                Path = new PathTemplate(Recording.Replace(".json", extension, StringComparison.Ordinal)),
                Query = new Dictionary<string, ParameterSchema>(),
            };
        }
    }
}
