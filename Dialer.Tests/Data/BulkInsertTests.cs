using System.Collections;
using Dialer.Core.Campaigns;
using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Dialer.Core.Dialing;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Data;

/// <summary>The claim writes its attempts in one statement: each row must be the one SaveChanges would have
/// written, column for column.</summary>
public sealed class BulkInsertTests : IAsyncLifetime
{
    readonly TestDatabase _database = new();
    public Task InitializeAsync() => _database.InitializeAsync();
    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task An_attempt_written_in_bulk_reads_back_as_the_same_attempt_saved_by_EF_Core()
    {
        await using var db = _database.CreateDb();
        var campaign = Campaign.Create(new CampaignSettings { Name = "c", CallerId = "+14155550100" },
            DateTimeOffset.UtcNow);
        db.Campaigns.Add(campaign);
        var contact = new Contact { CampaignId = campaign.Id, Phone = "+14155550101", TimeZones = ["UTC"] };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();

        // every column set, the enum converted, the bytes kept
        var at = new DateTimeOffset(2027, 3, 3, 10, 0, 0, 123, TimeSpan.Zero);
        var agent = Guid.NewGuid();
        CallAttempt Filled(string sid) => new()
        {
            Id = Guid.CreateVersion7(), CampaignId = campaign.Id, ContactId = contact.Id,
            State = AttemptState.InProgress,
            CallSid = sid, CreatedAt = at, DialedAt = at.AddSeconds(1), AnsweredAt = at.AddSeconds(2),
            BridgedAt = null, EndedAt = at.AddSeconds(9), AnsweredBy = "human", AgentId = agent,
            Outcome = "completed", Disposition = "sale", DurationSeconds = 7, LastSequenceNumber = 4, Error = "e",
            PhoneHash = [1, 2, 3], ConferenceSid = "CF1", AgentCallSid = "CA2", LiveAnswer = true,
            GreetingEndedAt = at.AddSeconds(3), MessageStartedAt = null, Abandoned = false, Converted = true,
            DispositionNotes = "notes", DispositionedAt = at.AddSeconds(10),
        };
        var saved = Filled("CA-saved");
        db.CallAttempts.Add(saved);
        await db.SaveChangesAsync();
        var bulk = Filled("CA-bulk");
        var fresh = CallAttempt.Create(campaign.Id, contact.Id, at); // as the claim makes them: defaults and nulls
        Assert.Equal(2, await BulkInsert.ExecuteAsync(db, [bulk, fresh], default));

        await using var check = _database.CreateDb();
        var rows = await check.CallAttempts.AsNoTracking().ToDictionaryAsync(a => a.Id);
        var properties = check.Model.FindEntityType(typeof(CallAttempt))!.GetProperties()
            .Where(p => p.Name is not nameof(CallAttempt.Id) and not nameof(CallAttempt.CallSid)).ToList();
        Assert.NotEmpty(properties);
        foreach (var p in properties)
        {
            var (expected, actual) =
                (p.GetGetter().GetClrValue(rows[saved.Id]), p.GetGetter().GetClrValue(rows[bulk.Id]));
            Assert.True(StructuralComparisons.StructuralEqualityComparer.Equals(expected, actual),
                $"{p.Name}: {expected} saved, {actual} in bulk");
        }
        Assert.Equal(-1, rows[fresh.Id].LastSequenceNumber);
        Assert.Equal(AttemptState.Created, rows[fresh.Id].State);
        Assert.Null(rows[fresh.Id].PhoneHash);
    }
}
