using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Catalog;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Audit;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Calendar;

public sealed record SetCalendarOverrideRequest(string? Kind, string? Name, string? Source);

/// <summary>
/// Records the official decision for one date (a day off or a working day), replacing any earlier
/// decision for that date. One SaveChanges carries the row and its audit entry.
/// </summary>
public sealed class SetCalendarOverrideHandler(AppDbContext db, CalendarProvider calendars, TimeProvider time)
{
    public async Task<IReadOnlyList<FieldError>> HandleAsync(DateOnly date, SetCalendarOverrideRequest request, long? userId, CancellationToken ct)
    {
        var q = new QueryParsing();
        var kind = q.Enum<CalendarOverrideKind>(request.Kind, "kind");
        var errors = q.Errors.ToList();
        if (kind is null && errors.Count == 0)
            errors.Add(new FieldError("kind", "Chọn loại: DayOff (ngày nghỉ) hoặc WorkingDay (ngày làm việc)."));
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
            errors.Add(new FieldError("name", "Tên (lý do) không được để trống và tối đa 200 ký tự."));
        if (request.Source is { Length: > 200 })
            errors.Add(new FieldError("source", "Căn cứ tối đa 200 ký tự."));
        if (date.Year is < ListDaysOffHandler.MinYear or > ListDaysOffHandler.MaxYear)
            errors.Add(new FieldError("date", "Năm nằm ngoài phạm vi lịch."));
        if (errors.Count > 0)
            return errors;

        var row = await db.CalendarOverrides.SingleOrDefaultAsync(o => o.Date == date, ct);
        var now = time.GetUtcNow().UtcDateTime;
        if (row is null)
        {
            row = new CalendarOverrideRow { Date = date, Name = request.Name!.Trim() };
            db.CalendarOverrides.Add(row);
        }
        row.Kind = kind!.Value;
        row.Name = request.Name!.Trim();
        row.Source = string.IsNullOrWhiteSpace(request.Source) ? null : request.Source.Trim();
        row.UpdatedAt = now;
        row.UpdatedBy = userId;
        row.Version++;
        db.AuditEntries.Add(new AuditEntry
        {
            At = now,
            UserId = userId,
            Action = "calendar.override.set",
            EntityType = "CalendarOverride",
            EntityId = ListDaysOffHandler.Iso(date),
            Details = JsonSerializer.Serialize(new { kind = row.Kind.ToString(), row.Name, row.Source }),
        });
        await db.SaveChangesAsync(ct);
        calendars.Invalidate();
        return [];
    }

    public static async Task<IResult> Endpoint(string date, SetCalendarOverrideRequest? request, ClaimsPrincipal user,
        SetCalendarOverrideHandler handler, CancellationToken ct)
    {
        var q = new QueryParsing();
        var day = q.RequiredDate(date, "date");
        if (!q.Ok)
            return Problems.Validation(q.Errors);
        if (request is null)
            return Problems.Validation("body", "Thiếu nội dung yêu cầu.");
        var errors = await handler.HandleAsync(day!.Value, request, user.UserId(), ct);
        return errors.Count > 0 ? Problems.Validation(errors) : TypedResults.NoContent();
    }
}

/// <summary>Removes the official decision for a date, so the Labor Code default applies again.</summary>
public sealed class RemoveCalendarOverrideHandler(AppDbContext db, CalendarProvider calendars, TimeProvider time)
{
    public async Task<bool> HandleAsync(DateOnly date, long? userId, CancellationToken ct)
    {
        var row = await db.CalendarOverrides.SingleOrDefaultAsync(o => o.Date == date, ct);
        if (row is null)
            return false;
        db.CalendarOverrides.Remove(row);
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow().UtcDateTime,
            UserId = userId,
            Action = "calendar.override.remove",
            EntityType = "CalendarOverride",
            EntityId = ListDaysOffHandler.Iso(date),
            Details = JsonSerializer.Serialize(new { kind = row.Kind.ToString(), row.Name }),
        });
        await db.SaveChangesAsync(ct);
        calendars.Invalidate();
        return true;
    }

    public static async Task<IResult> Endpoint(string date, ClaimsPrincipal user, RemoveCalendarOverrideHandler handler, CancellationToken ct)
    {
        var q = new QueryParsing();
        var day = q.RequiredDate(date, "date");
        if (!q.Ok)
            return Problems.Validation(q.Errors);
        return await handler.HandleAsync(day!.Value, user.UserId(), ct)
            ? TypedResults.NoContent()
            : Problems.NotFound("Không có quyết định điều chỉnh cho ngày này.");
    }
}
