using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Dialer.Api.Campaigns.Prelaunch;

public sealed class ForecastOptions
{
    public const string Section = "Forecast";
    /// <summary>Forecasts simulating at once on one Api instance; each keeps a core busy for seconds.</summary>
    [Range(1, 64)] public int MaxConcurrent { get; set; } = 2;
    /// <summary>What a refused caller is told to wait (Retry-After).</summary>
    [Range(1, 600)] public int RetryAfterSeconds { get; set; } = 5;
}

/// <summary>
/// At most <see cref="ForecastOptions.MaxConcurrent"/> forecasts run at once; the rest get a 429 at once.
/// </summary>
public sealed class ForecastGate(IOptions<ForecastOptions> options)
{
    readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrent, options.Value.MaxConcurrent);

    /// <summary>A slot to dispose when the forecast is done, or null when all are taken.</summary>
    public IDisposable? TryEnter() => _slots.Wait(0) ? new Slot(_slots) : null;

    public ProblemHttpResult Busy(HttpResponse response)
    {
        response.Headers.RetryAfter = options.Value.RetryAfterSeconds.ToString();
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests, title: "Too many forecasts at once.",
            detail: $"At most {options.Value.MaxConcurrent} forecasts run at once (Forecast:MaxConcurrent); "
                + $"try again in {options.Value.RetryAfterSeconds} seconds.");
    }

    sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        int _released;
        public void Dispose() { if (Interlocked.Exchange(ref _released, 1) == 0) slots.Release(); }
    }
}
