using System.Net.Http.Json;
using System.Text;
using Dialer.Tests.Infrastructure;

namespace Dialer.Tests.Lists;

public static class ListCalls
{
    public static async Task<Guid> CreateListAsync(this HttpClient client, string name = "Spring leads")
    {
        var response = await client.PostAsJsonAsync("/api/lists", new { name });
        response.EnsureSuccessStatusCode();
        return (await response.ReadJsonAsync())["id"]!.GetValue<Guid>();
    }

    public static Task<HttpResponseMessage> UploadListAsync(this HttpClient client, Guid listId, string csv)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        content.Headers.ContentType = new("text/csv");
        return client.PostAsync($"/api/lists/{listId}/upload", content);
    }

    /// <summary>A list made and uploaded: its id.</summary>
    public static async Task<Guid> ListWithAsync(this HttpClient client, string csv)
    {
        var id = await client.CreateListAsync();
        (await client.UploadListAsync(id, csv)).EnsureSuccessStatusCode();
        return id;
    }

    public static Task<HttpResponseMessage> AttachAsync(this HttpClient client, Guid campaign, Guid list,
        bool active = true, int priority = 0) =>
        client.PostAsJsonAsync($"/api/campaigns/{campaign}/lists/{list}", new { active, priority });
}
