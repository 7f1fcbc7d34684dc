using Dialer.Api.Auth;
using Dialer.Core.Campaigns.Audio;
using Dialer.Core.Changes;
using Dialer.Core.Data;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Campaigns.Audio;

/// <summary>
/// A campaign's recorded messages: uploaded by a marketer for the safe-harbour message, the voicemail drop, the
/// agentless message or the recording notice, played to customers in place of the words (Dialer.ServiceDefaults'
/// CampaignSpeech), listed and heard in the builder, deleted to go back to the words.
/// </summary>
public static class MessageAudioApi
{
    const int ChunkBytes = 81920;
    const string MessageNames = "safe-harbour, voicemail, broadcast or recording-notice";

    /// <param name="campaign">the /api/campaigns/{id} group</param>
    public static RouteGroupBuilder MapMessageAudioApi(this RouteGroupBuilder campaign)
    {
        campaign.MapGet("/audio", List).RequireAuthorization(Policies.Reader)
            .WithDescription("The campaign's recorded messages: which message, type, size, when and by whom.");
        campaign.MapPut("/audio/{message}", Upload).RequireAuthorization(Policies.Marketer)
            .WithDescription($"Uploads the recording of one message ({MessageNames}): the body is the file, "
                + "audio/mpeg or audio/wav as its Content-Type says and its first bytes show, at most 5 MB. It "
                + "replaces any earlier one; the message's words stay the fallback.");
        campaign.MapGet("/audio/{message}", Fetch).RequireAuthorization(Policies.Reader)
            .WithDescription("The recording itself, to hear it before customers do.");
        campaign.MapDelete("/audio/{message}", Delete).RequireAuthorization(Policies.Marketer)
            .WithDescription("Deletes the recording: the message's words are spoken again.");
        return campaign;
    }

    public sealed record AudioRow(string Message, string ContentType, int Bytes, DateTimeOffset UploadedAt,
        string? UploadedBy);

    static async Task<Results<Ok<List<AudioRow>>, NotFound>> List(Guid id, DialerDb db, CancellationToken ct)
    {
        if (!await db.Campaigns.AnyAsync(c => c.Id == id, ct)) return TypedResults.NotFound();
        var rows = await db.MessageAudio.AsNoTracking().Where(a => a.CampaignId == id)
            .Select(a => new { a.Message, a.ContentType, a.Bytes, a.UploadedAt, a.UploadedBy }).ToListAsync(ct);
        return TypedResults.Ok(rows.OrderBy(a => a.Message)
            .Select(a => new AudioRow(AudioMessages.NameOf(a.Message), a.ContentType, a.Bytes, a.UploadedAt,
                a.UploadedBy)).ToList());
    }

    static async Task<Results<Ok<AudioRow>, NotFound, ValidationProblem>> Upload(Guid id, string message,
        HttpRequest request, DialerDb db, StateChanges changes, TimeProvider clock, ILogger<MessageAudio> log,
        CancellationToken ct)
    {
        if (!AudioMessages.ByName.TryGetValue(message, out var which))
            return Invalid("message", $"One of {MessageNames}.");
        var declared = AudioFile.CanonicalType(request.ContentType);
        if (declared is null) return Invalid("file", "The Content-Type must be audio/mpeg or audio/wav.");
        var teamId = await db.Campaigns.Where(c => c.Id == id).Select(c => (Guid?)c.TeamId).SingleOrDefaultAsync(ct);
        if (teamId is null) return TypedResults.NotFound();

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = AudioFile.MaxBytes + 2 * ChunkBytes; // past the limit by a read, then a 400
        var content = await ReadAtMostAsync(request.Body, AudioFile.MaxBytes, ct);
        if (content is null) return Invalid("file", $"At most {AudioFile.MaxBytes / (1024 * 1024)} MB.");
        if (content.Length == 0) return Invalid("file", "The file is empty.");
        var sniffed = AudioFile.Sniff(content);
        if (sniffed is null) return Invalid("file", "The file is neither an MP3 nor a WAV.");
        if (sniffed != declared) return Invalid("file", $"The file is {sniffed}, not {declared} as declared.");

        var audio = new MessageAudio
        {
            TeamId = teamId.Value, CampaignId = id, Message = which, ContentType = sniffed, Bytes = content.Length,
            Content = content, UploadedAt = clock.GetUtcNow(), UploadedBy = request.HttpContext.User.AuditId(),
        };
        // the old row goes and the new one comes in one transaction: a new id, so a new URL for Twilio's cache
        await changes.RunAsync(async (_, token) =>
        {
            await db.MessageAudio.Where(a => a.CampaignId == id && a.Message == which).ExecuteDeleteAsync(token);
            db.MessageAudio.Add(audio);
        }, ct);
        log.LogInformation("Campaign {CampaignId}: {Message} recording uploaded ({Type}, {Bytes} bytes)", id, message,
            sniffed, content.Length);
        return TypedResults.Ok(new AudioRow(message, sniffed, content.Length, audio.UploadedAt, audio.UploadedBy));
    }

    static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> Fetch(Guid id, string message,
        DialerDb db, CancellationToken ct)
    {
        if (!AudioMessages.ByName.TryGetValue(message, out var which))
            return Invalid("message", $"One of {MessageNames}.");
        var audio = await db.MessageAudio.AsNoTracking().Where(a => a.CampaignId == id && a.Message == which)
            .Select(a => new { a.ContentType, a.Content }).FirstOrDefaultAsync(ct);
        return audio is null ? TypedResults.NotFound() : TypedResults.File(audio.Content, audio.ContentType,
            enableRangeProcessing: true);
    }

    static async Task<Results<NoContent, NotFound, ValidationProblem>> Delete(Guid id, string message, DialerDb db,
        ILogger<MessageAudio> log, CancellationToken ct)
    {
        if (!AudioMessages.ByName.TryGetValue(message, out var which))
            return Invalid("message", $"One of {MessageNames}.");
        var deleted = await db.MessageAudio.Where(a => a.CampaignId == id && a.Message == which).ExecuteDeleteAsync(ct);
        if (deleted == 0) return TypedResults.NotFound();
        log.LogInformation("Campaign {CampaignId}: {Message} recording deleted", id, message);
        return TypedResults.NoContent();
    }

    /// <summary>The body, or null when it is longer than <paramref name="max"/> (read no further than that).</summary>
    static async Task<byte[]?> ReadAtMostAsync(Stream body, int max, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[ChunkBytes];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
