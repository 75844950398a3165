using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Calendar;

/// <summary>
/// Office hours from configuration "Calendar:OfficeHours", e.g. ["07:00-11:30", "13:30-17:00"]
/// (the default of docs/domain/calendar.md#office-hours; provinces set their own).
/// </summary>
public sealed class CalendarOptions
{
    public const string Section = "Calendar";
    public List<string> OfficeHours { get; set; } = [];

    public OfficeHours ToOfficeHours()
    {
        if (OfficeHours.Count == 0)
            return Core.Calendar.OfficeHours.Default;
        var sessions = OfficeHours.Select(s =>
        {
            var parts = s.Split('-', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2
                || !TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var open)
                || !TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var close))
                throw new InvalidOperationException($"Calendar:OfficeHours entry '{s}' must look like 07:00-11:30.");
            return new WorkSession(open, close);
        }).ToArray();
        return new OfficeHours(sessions);
    }
}

/// <summary>
/// The province's working calendar: office hours plus the official overrides stored in the
/// database. Built once and kept for a short time; a change on this node invalidates it at once,
/// other nodes pick it up within <see cref="MaxAge"/>.
/// </summary>
public sealed class CalendarProvider(IServiceScopeFactory scopes, OfficeHours hours, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (WorkingCalendar Calendar, DateTimeOffset BuiltAt)? _cached;

    public OfficeHours Hours => hours;

    public async Task<WorkingCalendar> GetAsync(CancellationToken ct = default)
    {
        var cached = _cached;
        if (cached is { } c && time.GetUtcNow() - c.BuiltAt < MaxAge)
            return c.Calendar;
        await _gate.WaitAsync(ct);
        try
        {
            if (_cached is { } again && time.GetUtcNow() - again.BuiltAt < MaxAge)
                return again.Calendar;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var rows = await db.CalendarOverrides.AsNoTracking().ToListAsync(ct);
            var calendar = new WorkingCalendar(hours, rows.Select(r => r.ToDomain()));
            _cached = (calendar, time.GetUtcNow());
            return calendar;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate() => _cached = null;

    public void Dispose() => _gate.Dispose();
}
