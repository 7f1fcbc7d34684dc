using Dialer.Core.Auth;
using Dialer.Core.Dialing;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Contacts;

/// <summary>From the upload to the pacer's claim: a zone column never makes a contact callable before its number
/// allows.</summary>
[Collection(ApiCollection.Name)]
public sealed class StatedZoneImportTests(ApiFactory api)
{
    readonly HttpClient _marketer = api.ClientAs(Role.Marketer);

    static DateTimeOffset NextWednesdayAt(int hour, string zone)
    {
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, tz).DateTime).AddDays(1);
        while (day.DayOfWeek != DayOfWeek.Wednesday) day = day.AddDays(1);
        var local = day.ToDateTime(new TimeOnly(hour, 0));
        return new DateTimeOffset(local, tz.GetUtcOffset(local)).ToUniversalTime(); // PostgreSQL takes UTC only
    }

    [Fact]
    public async Task A_San_Francisco_number_listed_in_Chicago_is_not_called_at_six_in_the_morning_Pacific()
    {
        var id = await _marketer.CreateCampaignAsync();
        var upload = await _marketer.UploadCsvAsync(id, "phone,timezone\n+14155550123,America/Chicago\n");
        var report = await upload.ReadJsonAsync();
        Assert.Equal(1, report["imported"]!.GetValue<int>());
        (await _marketer.PostAsync($"/api/campaigns/{id}/start", null)).EnsureSuccessStatusCode();

        var sixPacific = NextWednesdayAt(6, "America/Los_Angeles"); // 08:00 in Chicago, whose window is open
        await using (var db = api.Database.CreateDb())
        {
            var campaign = await db.Campaigns.SingleAsync(c => c.Id == id);
            var claimer = new ContactClaimer(db);
            var (permitted, scanned) = await claimer.LockPermittedAsync(campaign, 5, sixPacific, default);
            Assert.Equal(1, scanned);
            Assert.Empty(permitted);
            var deferredTo = db.Contacts.Local.Single().NextAttemptAt;
            Assert.Equal(sixPacific.AddHours(2), deferredTo); // 08:00 Pacific, 10:00 in Chicago: both open
        }

        await using (var db = api.Database.CreateDb())
        {
            var campaign = await db.Campaigns.SingleAsync(c => c.Id == id);
            var claimer = new ContactClaimer(db);
            var (permitted, _) = await claimer.LockPermittedAsync(campaign, 5, sixPacific.AddHours(2), default);
            Assert.Equal("+14155550123", Assert.Single(permitted).Phone);
        }
    }
}
