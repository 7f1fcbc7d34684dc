using System.Collections.Concurrent;
using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Core.CallerIds;

/// <summary>
/// The caller IDs' days in PostgreSQL: what every Worker reads before choosing, and the one conditional increment that
/// takes a call from a number's cap (two Workers racing for its last call: one gets it, the other chooses again).
/// </summary>
public static class CallerIdLedger
{
    static readonly ConcurrentDictionary<string, TimeZoneInfo> Zones = new();

    /// <summary>The number's local day at <paramref name="at"/>: its own zone's (the first, where it may be in
    /// several), else UTC's.</summary>
    public static DateOnly DayOf(string number, DateTimeOffset at) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zones.GetOrAdd(number, ZoneOf)).DateTime);

    static TimeZoneInfo ZoneOf(string number) =>
        Phones.TimeZonesOf(number).FirstOrDefault() is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var z)
            ? z : TimeZoneInfo.Utc;

    /// <summary>Each number's row for its own today; a number without one has placed no call today.</summary>
    public static async Task<Dictionary<string, CallerIdDay>> TodayAsync(DialerDb db,
        IReadOnlyCollection<string> numbers, DateTimeOffset now, CancellationToken ct)
    {
        var wanted = numbers.ToDictionary(n => n, n => DayOf(n, now));
        var days = wanted.Values.Distinct().ToList();
        var phones = wanted.Keys.ToList();
        var rows = await db.CallerIdDays.AsNoTracking().Where(d => phones.Contains(d.Phone) && days.Contains(d.Day))
            .ToListAsync(ct);
        return rows.Where(r => wanted[r.Phone] == r.Day).ToDictionary(r => r.Phone);
    }

    /// <summary>
    /// A lone default number's day, counted from the attempts that showed it (its dials keep no ledger row:
    /// <see cref="CallerIdPool.NeedsLedger"/>): calls placed in the number's local day and those answered.
    /// </summary>
    public static async Task<Dictionary<string, CallerIdDay>> FromAttemptsAsync(DialerDb db, string number,
        DateTimeOffset now, CancellationToken ct)
    {
        var day = DayOf(number, now);
        var zone = Zones.GetOrAdd(number, ZoneOf);
        var start = StartOf(day, zone);
        var end = StartOf(day.AddDays(1), zone);
        var counts = await db.CallAttempts.AsNoTracking()
            .Where(a => a.CallerId == number && a.DialedAt >= start && a.DialedAt < end)
            .GroupBy(_ => 1)
            .Select(g => new { Calls = g.Count(), Answers = g.Count(a => a.AnsweredAt != null) })
            .SingleOrDefaultAsync(ct);
        return counts is null ? []
            : new()
            {
                [number] = new CallerIdDay
                {
                    Phone = number, Day = day, Calls = counts.Calls,
                    Answers = counts.Answers
                }
            };
    }

    static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>Counts one call from the number today, unless it is resting or at <paramref name="cap"/>.</summary>
    public static async Task<bool> TryReserveAsync(DialerDb db, string number, int? cap, DateTimeOffset now,
        CancellationToken ct)
    {
        var day = DayOf(number, now);
        var counted = await db.Database.SqlQuery<int>($"""
            INSERT INTO caller_id_days AS d (phone, day, calls, answers, cleared_calls, cleared_answers)
            VALUES ({number}, {day}, 1, 0, 0, 0)
            ON CONFLICT (phone, day) DO UPDATE SET calls = d.calls + 1
            WHERE d.rested_at IS NULL AND ({cap}::int IS NULL OR d.calls < {cap}::int)
            RETURNING d.calls AS "Value"
            """).ToListAsync(ct);
        return counted.Count == 1;
    }

    /// <summary>Rests the number for the rest of its day; false when it already rests.</summary>
    public static async Task<bool> RestAsync(DialerDb db, string number, DateTimeOffset now, CancellationToken ct)
    {
        var day = DayOf(number, now);
        return await db.CallerIdDays.Where(d => d.Phone == number && d.Day == day && d.RestedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.RestedAt, now), ct) == 1;
    }

    /// <summary>
    /// A manager lifts today's rest: the number calls again, judged afresh on the calls it places from now on.
    /// </summary>
    public static async Task<bool> ClearRestAsync(DialerDb db, string number, DateTimeOffset now, string by,
        CancellationToken ct)
    {
        var day = DayOf(number, now);
        return await db.CallerIdDays.Where(d => d.Phone == number && d.Day == day && d.RestedAt != null)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.RestedAt, (DateTimeOffset?)null)
                .SetProperty(d => d.ClearedCalls, d => d.Calls).SetProperty(d => d.ClearedAnswers, d => d.Answers)
                .SetProperty(d => d.ClearedAt, now).SetProperty(d => d.ClearedBy, by), ct) == 1;
    }

    /// <summary>Calls from the number that no cap held (a campaign without a ledger), counted on their day.</summary>
    public static Task CountCallsAsync(DialerDb db, string number, DateOnly day, int calls, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO caller_id_days AS d (phone, day, calls, answers, cleared_calls, cleared_answers)
            VALUES ({number}, {day}, {calls}, 0, 0, 0)
            ON CONFLICT (phone, day) DO UPDATE SET calls = d.calls + {calls}
            """, ct);

    /// <summary>Calls from the number that were answered, counted on the day they were placed.</summary>
    public static Task CountAnswersAsync(DialerDb db, string number, DateOnly day, int answers, CancellationToken ct) =>
        db.CallerIdDays.Where(d => d.Phone == number && d.Day == day)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Answers, d => d.Answers + answers), ct);
}
