using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Core.Calendar;
using MotCua.Core.Catalog;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Calendar;

namespace MotCua.Web.Pages.Office;

/// <summary>The administrator's page for the yearly official calendar; same handlers as the API.</summary>
[Authorize(Policy = Permissions.CalendarManage)]
public sealed class CalendarModel(ListDaysOffHandler list, SetCalendarOverrideHandler set, RemoveCalendarOverrideHandler remove, TimeProvider time) : PageModel
{
    public int Year { get; private set; }
    public CalendarYearResponse? Data { get; private set; }
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(int? year, CancellationToken ct) => await LoadAsync(year, ct);

    public async Task<IActionResult> OnPostSetAsync(int? year, string? date, string? kind, string? name, string? source, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            Errors = [new FieldError("date", "Vui lòng chọn ngày hợp lệ.")];
        else
            Errors = await set.HandleAsync(day, new SetCalendarOverrideRequest(kind, name, source), User.UserId(), ct);
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(year, ct);
            return Page();
        }
        Message = $"Đã lưu điều chỉnh ngày {Show(date!)}.";
        return RedirectToPage(new { year = day.Year });
    }

    public async Task<IActionResult> OnPostRemoveAsync(int? year, string? date, CancellationToken ct)
    {
        if (DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && await remove.HandleAsync(day, User.UserId(), ct))
            Message = $"Đã xóa điều chỉnh ngày {Show(date!)}.";
        else
            Message = "Không có điều chỉnh để xóa.";
        return RedirectToPage(new { year });
    }

    private async Task LoadAsync(int? year, CancellationToken ct)
    {
        Year = year is >= ListDaysOffHandler.MinYear and <= ListDaysOffHandler.MaxYear ? year.Value : VietnamTime.Today(time).Year;
        Data = await list.HandleAsync(Year, ct);
    }

    public static string Show(string isoDate) =>
        DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("dddd, dd/MM/yyyy", new CultureInfo("vi-VN"));

    public string Lunar(string isoDate)
    {
        var l = LunarCalendar.FromSolar(DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        return $"{l.Day}/{l.Month}{(l.IsLeapMonth ? " nhuận" : "")}";
    }

    public static string KindName(string kind) => kind switch
    {
        nameof(DayOffKind.PublicHoliday) => "Nghỉ lễ, Tết",
        nameof(DayOffKind.Compensatory) => "Nghỉ bù",
        _ => "Nghỉ theo thông báo",
    };
}
