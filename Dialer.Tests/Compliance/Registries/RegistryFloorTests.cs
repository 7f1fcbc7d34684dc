using Dialer.Core.Auth;
using Dialer.Core.Compliance.Registries;
using Dialer.Tests.Infrastructure;
using Dialer.Tests.Infrastructure.Browser;
using Dialer.Tests.Managers;
using Microsoft.Playwright;

namespace Dialer.Tests.Compliance.Registries;

/// <summary>The floor warns of a registry copy older than its jurisdiction allows, in Debian's Chromium.</summary>
public sealed class RegistryFloorTests(LiveApi api, Chromium chromium) : IClassFixture<LiveApi>,
    IClassFixture<Chromium>
{
    [Fact]
    public async Task A_manager_sees_that_a_registry_copy_is_out_of_date()
    {
        var id = await KnownHistory.SeedAsync(api.Database);
        var on = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-40);
        await using (var db = api.Database.CreateDb())
        {
            db.RegistryLists.Add(new RegistryList
            {
                Id = Guid.CreateVersion7(), Name = "Lista Robinson", Jurisdiction = "ES", DownloadedOn = on,
                UploadedAt = DateTimeOffset.UtcNow, Numbers = 1, Active = true,
            });
            await db.SaveChangesAsync();
        }
        var (_, key) = await api.AddUserAsync(Role.Manager, "floor manager");
        var page = await chromium.SignedInPageAsync(api.Url + "/manager/", key, 1440, 1000);
        await page.Locator($"[data-campaign='{id}']").ClickAsync();

        await Assertions.Expect(page.GetByTestId("registry-warnings")).ToContainTextAsync(
            $"Lista Robinson (ES) downloaded on {on:yyyy-MM-dd} is older than 30 days");
        await Screenshots.SaveAsync(page, "managers", "registry-out-of-date");
    }
}
