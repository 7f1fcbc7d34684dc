using Dialer.Core.Recordings;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;

namespace Dialer.ServiceDefaults.Twilio;

/// <summary>
/// Deletes a recording's audio at Twilio, for the retention sweep and for a person's erasure. It bears repeating:
/// a recording Twilio no longer has (404) counts as deleted.
/// </summary>
public static class TwilioRecordingDeletion
{
    /// <returns>true when the audio is gone at Twilio; false when Twilio refused or did not answer</returns>
    public static async Task<bool> DeleteAsync(CallRecording recording, ITwilioRestClient twilio, ILogger log,
        CancellationToken ct)
    {
        try
        {
            await RecordingResource.DeleteAsync(recording.RecordingSid, client: twilio);
            return true;
        }
        catch (ApiException e) when (e.Status == StatusCodes.Status404NotFound)
        {
            return true; // deleted already: by an earlier sweep that could not mark it, or by hand in Twilio's console
        }
        catch (Exception e) when (e is TwilioException or HttpRequestException && !ct.IsCancellationRequested)
        {
            log.LogWarning("Recording {RecordingId} not deleted at Twilio, tried again next sweep: {Error}",
                recording.Id, e.Message);
            return false;
        }
    }
}
