using Dialer.Core.Campaigns;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dialer.Api.Hosting;

public static class Problems
{
    public static Conflict<ProblemDetails> Conflict(Refusal refusal) => TypedResults.Conflict(new ProblemDetails
    {
        Status = StatusCodes.Status409Conflict,
        Title = "The request conflicts with the current state.",
        Detail = refusal.Reason,
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.10",
    });

    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest,
            title: "The request is not acceptable.");

    /// <summary>A 413 for a limit met part way through an upload: where it stopped, and what was done before.</summary>
    public static ProblemHttpResult TooLarge(string detail, int line, object report) => TypedResults.Problem(
        detail: detail, statusCode: StatusCodes.Status413PayloadTooLarge, title: "The upload goes past a limit.",
        extensions: new Dictionary<string, object?> { ["line"] = line, ["report"] = report });
}

public static class Paging
{
    /// <summary>Past this page an offset costs the database a scan of every row before it.</summary>
    public const int MaxPage = 10_000;

    public static (int Page, int PageSize) Clamp(int page, int pageSize) =>
        (Math.Max(1, page), Math.Clamp(pageSize, 1, 500));

    /// <summary>The 400's errors for a page number past <see cref="MaxPage"/>, else null.</summary>
    public static Dictionary<string, string[]>? TooFar(int page) => page <= MaxPage ? null
        : new()
        {
            ["page"] = [$"At most {MaxPage}: narrow the list, or page by key where offered (?after=<last id>)."]
        };
}

/// <summary>
/// Optimistic concurrency over HTTP: GET gives the row version as ETag, PUT may send it back in If-Match.
/// </summary>
public static class ETags
{
    public static string Of(uint version) => $"\"{version}\"";

    public static bool Stale(HttpRequest request, uint version) =>
        request.Headers.IfMatch.ToString() is { Length: > 0 } ifMatch && ifMatch != "*" && ifMatch != Of(version);

    public static ProblemHttpResult StaleProblem() => TypedResults.Problem(
        statusCode: StatusCodes.Status412PreconditionFailed,
        title: "The campaign changed since you read it.",
        detail: "Someone else saved a newer version. GET it again, re-apply your change and send it with the new ETag "
            + "in If-Match.");
}
