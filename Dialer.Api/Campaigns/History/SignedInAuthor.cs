using Dialer.Core.Changes;

namespace Dialer.Api.Campaigns.History;

/// <summary>The Api's changes are made by the signed-in user.</summary>
public sealed class SignedInAuthor(IHttpContextAccessor http) : IChangeAuthor
{
    public string Name => http.HttpContext?.User.Identity?.Name ?? "system";
}
