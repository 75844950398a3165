using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Web.Data;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Calendar;

public sealed record DayOffResponse(string Date, string Name, string Kind, bool AwaitingConfirmation);
public sealed record OverrideResponse(string Date, string Kind, string Name, string? Source);
public sealed record CalendarYearResponse(int Year, IReadOnlyList<DayOffResponse> DaysOff, IReadOnlyList<OverrideResponse> Overrides);

/// <summary>The effective days off of a year: the Labor Code default with the year's official overrides applied.</summary>
public sealed class ListDaysOffHandler(AppDbContext db)
{
    public const int MinYear = 1901;
    public const int MaxYear = 2198;

    public async Task<CalendarYearResponse> HandleAsync(int year, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var rows = await db.CalendarOverrides.AsNoTracking()
            .Where(o => o.Date >= from && o.Date <= to)
            .OrderBy(o => o.Date)
            .ToListAsync(ct);
        var daysOff = HolidaySchedule.EffectiveFor(year, rows.Select(r => r.ToDomain()))
            .Select(d => new DayOffResponse(Iso(d.Date), d.Name, d.Kind.ToString(), d.AwaitingConfirmation))
            .ToArray();
        var overrides = rows.Select(r => new OverrideResponse(Iso(r.Date), r.Kind.ToString(), r.Name, r.Source)).ToArray();
        return new CalendarYearResponse(year, daysOff, overrides);
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static async Task<IResult> Endpoint(string? year, ListDaysOffHandler handler, CancellationToken ct)
    {
        var q = new QueryParsing();
        var y = q.RequiredInt(year, "year", MinYear, MaxYear);
        if (!q.Ok)
            return Problems.Validation(q.Errors);
        var result = await handler.HandleAsync(y!.Value, ct);
        return TypedResults.Ok(result.DaysOff);
    }
}
