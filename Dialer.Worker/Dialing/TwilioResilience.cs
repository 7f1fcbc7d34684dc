using Dialer.Worker.Dialing.AccountRate;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Retry;
using Twilio.Exceptions;

namespace Dialer.Worker.Dialing;

/// <summary>
/// The one way every create-call request goes out (<see cref="SendAsync{T}"/>). From the outside in: retry (only what
/// cannot have placed a call, pauses of at most 2 s: the reconciler's grace outlasts them), circuit breaker (stop
/// hammering a failing Twilio), then this Worker's turn in the account's calls per second (<see
/// cref="AccountRateLimiter"/>, retuned by <see cref="WorkerLeaseHeartbeat"/>: the engine holds the rate, so no call
/// waits in Twilio's queue past the calling window). Every request takes a turn of its own, a retry too, and leaves
/// only while that turn is in time: a request that reached Twilio in a later second than its turn's would add a call to
/// a second that did not count it. A dial waits in the queue once; a retry, or a request whose turn passed while it was
/// judged, takes the next turn ahead of the queue. The circuit also opens at once, for a while, when Twilio refuses the
/// account: every create would be refused alike.
/// </summary>
public sealed class TwilioResilience
{
    readonly CircuitBreakerManualControl _hold = new();
    readonly TimeSpan _accountErrorHold;
    readonly TimeProvider _clock;
    readonly ILogger<TwilioResilience> _log;
    readonly AccountRateLimiter _accountRate;
    int _holding;

    /// <summary>Turns a request may see pass while it is judged before it goes back to its queue.</summary>
    const int TurnsPerRequest = 3;

    public ResiliencePipeline Pipeline { get; }

    /// <summary>True while creates are held back after an account error.</summary>
    public bool HoldingForAccountError => Volatile.Read(ref _holding) == 1;

    public TwilioResilience(AccountRateLimiter accountRate, IOptions<TwilioOptions> options, TimeProvider clock,
        ILogger<TwilioResilience> log)
    {
        _accountErrorHold = TimeSpan.FromSeconds(options.Value.AccountErrorHoldSeconds);
        _clock = clock;
        _log = log;
        _accountRate = accountRate;
        Pipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(NeverReachedTwilio),
                MaxRetryAttempts = 4,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(200),
                MaxDelay = TimeSpan.FromSeconds(2),
                OnRetry = a =>
                {
                    log.LogWarning("Twilio request retried ({Attempt}): {Error}", a.AttemptNumber + 1,
                        a.Outcome.Exception?.Message);
                    return default;
                },
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(TwilioFailing),
                FailureRatio = 0.5,
                MinimumThroughput = 10,
                SamplingDuration = TimeSpan.FromSeconds(10),
                BreakDuration = TimeSpan.FromSeconds(5),
                ManualControl = _hold,
                OnOpened = a => { log.LogError("Twilio circuit opened for {Break}", a.BreakDuration); return default; },
            })
            .Build();
    }

    /// <summary>
    /// Sends one create: each try takes its turn, runs <paramref name="leaving"/> (the claim and the permit, which
    /// may throw to withdraw the request), and sends only while the turn is in time, else judges it again at a new
    /// turn.
    /// </summary>
    /// <exception cref="RateLimiterRejectedException">no turn, or its turn passed <see cref="TurnsPerRequest"/>
    /// times</exception>
    public ValueTask<T> SendAsync<T>(Func<CancellationToken, ValueTask> leaving, Func<Task<T>> send,
        CancellationToken ct)
    {
        var tries = 0;
        return Pipeline.ExecuteAsync(async t =>
        {
            var turn = tries++ == 0 ? await _accountRate.AcquireAsync(1, t) : await _accountRate.RetakeAsync(t);
            for (var judged = 1; ; judged++)
            {
                using (turn)
                {
                    if (!turn.IsAcquired) throw new RateLimiterRejectedException("no turn in the account's rate");
                    await leaving(t);
                    if (_accountRate.InTime(turn)) return await send();
                }
                _log.LogWarning("A create's turn passed while it was judged ({Judged}); it takes another", judged);
                if (judged == TurnsPerRequest)
                    throw new RateLimiterRejectedException($"its turn passed {judged} times while it was judged");
                turn = await _accountRate.RetakeAsync(t);
            }
        }, ct);
    }

    /// <summary>
    /// Opens the circuit for <see cref="TwilioOptions.AccountErrorHoldSeconds"/>: creates meanwhile are not sent (and
    /// go back to their queue), then the next one finds out whether the account was fixed.
    /// </summary>
    public void HoldForAccountError(int httpStatus, int twilioCode)
    {
        if (Interlocked.Exchange(ref _holding, 1) == 1) return;
        _log.LogError("Twilio refused the account ({Status}/{Code}): no create is sent for {Hold}",
            httpStatus, twilioCode, _accountErrorHold);
        _ = HoldAsync(_clock.GetUtcNow() + _accountErrorHold);
    }

    async Task HoldAsync(DateTimeOffset until)
    {
        try
        {
            await _hold.IsolateAsync();
            if (until - _clock.GetUtcNow() is { Ticks: > 0 } left) await Task.Delay(left, _clock);
            await _hold.CloseAsync();
        }
        catch (Exception e)
        {
            _log.LogError(e, "The Twilio circuit's account-error hold failed");
        }
        finally
        {
            Volatile.Write(ref _holding, 0);
        }
    }

    /// <summary>429 (Twilio never processed it) or a connection that was never made.</summary>
    public static bool NeverReachedTwilio(Exception e) => e switch
    {
        ApiException { Status: 429 } => true,
        ApiConnectionException { InnerException: HttpRequestException h } =>
            h.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError,
        HttpRequestException h =>
            h.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError,
        _ => false,
    };

    static bool TwilioFailing(Exception e) => e is ApiConnectionException || e is ApiException { Status: >= 500 }
        || e is TwilioException and not ApiException;

}
