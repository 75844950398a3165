using MotCua.Core.Calendar;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Calendar;

public sealed record DeadlineResponse(DateTimeOffset Due, DateTimeOffset ClockStartsAt, string Unit, decimal Value);

/// <summary>Due moment for a time limit from a reception moment (docs/domain/deadlines.md#time-limits), answered in +07:00.</summary>
public static class ComputeDeadline
{
    public static async Task<IResult> Endpoint(string? from, string? workingDays, string? calendarDays, string? hours, string? sameDay,
        CalendarProvider calendars, CancellationToken ct)
    {
        var q = new QueryParsing();
        var start = q.RequiredInstant(from, "from");
        var given = new[] { workingDays, calendarDays, hours, sameDay }.Count(v => !string.IsNullOrWhiteSpace(v));
        if (given != 1)
            return Problems.Validation("workingDays", "Cần đúng một trong các tham số workingDays, calendarDays, hours hoặc sameDay=true.");
        TimeLimit limit;
        if (!string.IsNullOrWhiteSpace(workingDays))
            limit = new TimeLimit(q.RequiredDecimal(workingDays, "workingDays", 0, 3650) ?? 0, TimeLimitUnit.WorkingDays);
        else if (!string.IsNullOrWhiteSpace(calendarDays))
            limit = new TimeLimit(q.RequiredInt(calendarDays, "calendarDays", 0, 3650) ?? 0, TimeLimitUnit.CalendarDays);
        else if (!string.IsNullOrWhiteSpace(hours))
            limit = new TimeLimit(q.RequiredDecimal(hours, "hours", 0, 100_000) ?? 0, TimeLimitUnit.WorkingHours);
        else
        {
            if (!q.Bool(sameDay, "sameDay") && q.Ok)
                return Problems.Validation("sameDay", "sameDay chỉ nhận giá trị true.");
            limit = new TimeLimit(0, TimeLimitUnit.SameDay);
        }
        if (!q.Ok)
            return Problems.Validation(q.Errors);
        if (start!.Value.Year is < ListDaysOffHandler.MinYear or > ListDaysOffHandler.MaxYear - 20)
            return Problems.Validation("from", "Năm của thời điểm tiếp nhận nằm ngoài phạm vi lịch.");

        var calendar = await calendars.GetAsync(ct);
        var due = Deadline.Due(calendar, start.Value, limit);
        var clockStart = VietnamTime.ToOffset(calendar.NextWorkingInstant(VietnamTime.ToLocal(start.Value)));
        return TypedResults.Ok(new DeadlineResponse(due, clockStart, limit.Unit.ToString(), limit.Value));
    }
}
