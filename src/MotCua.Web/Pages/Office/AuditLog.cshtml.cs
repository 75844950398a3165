using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Core.Catalog;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Pages.Office;

/// <summary>
/// The audit log for administrators (TCVN 14423 5.8.2.1: logs reviewed periodically): events with
/// filters on date range (Vietnam days), action, account and outcome, newest first, paged.
/// </summary>
[Authorize(Policy = Permissions.AuditView)]
public sealed class AuditLogModel(ListAuditEntriesHandler list) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "tu-ngay")] public string? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "den-ngay")] public string? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "hanh-dong")] public string? Action { get; set; }
    [BindProperty(SupportsGet = true, Name = "tai-khoan")] public string? Account { get; set; }
    [BindProperty(SupportsGet = true, Name = "ket-qua")] public string? Outcome { get; set; }
    [BindProperty(SupportsGet = true, Name = "trang")] public string? PageNumber { get; set; }

    public AuditPage? Result { get; private set; }
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var from = Day(From, "tu-ngay", errors);
        var to = Day(To, "den-ngay", errors);
        AuditOutcome? outcome = null;
        if (!string.IsNullOrWhiteSpace(Outcome))
        {
            if (Enum.TryParse<AuditOutcome>(Outcome, ignoreCase: false, out var o) && Enum.IsDefined(o))
                outcome = o;
            else
                errors.Add(new FieldError("ket-qua", "Kết quả không hợp lệ."));
        }
        var page = 1;
        if (!string.IsNullOrWhiteSpace(PageNumber) && (!int.TryParse(PageNumber, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page is < 1 or > 100_000))
            errors.Add(new FieldError("trang", "Số trang không hợp lệ."));
        if (errors.Count > 0)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        var filter = new AuditFilter(from is { } f ? Utc(f) : null, to is { } t ? Utc(t.AddDays(1)) : null,
            Clip(Action), Clip(Account), outcome, page, PageSize);
        Result = await list.HandleAsync(filter, User.UserId() ?? 0, ct);
    }

    private static DateOnly? Day(string? text, string field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is >= 2000 and <= 2100)
            return day;
        errors.Add(new FieldError(field, "Ngày không hợp lệ (yyyy-mm-dd, năm 2000–2100)."));
        return null;
    }

    /// <summary>Midnight of a Vietnam day, in UTC.</summary>
    private static DateTime Utc(DateOnly day) => DossierWorkflow.ToUtc(day.ToDateTime(TimeOnly.MinValue));

    private static string? Clip(string? text) => text?.Trim() is { Length: > 0 } t ? t[..Math.Min(t.Length, 100)] : null;

    public static string OutcomeName(AuditOutcome outcome) => outcome switch
    {
        AuditOutcome.Success => "Thành công",
        AuditOutcome.Denied => "Bị từ chối",
        _ => "Thất bại",
    };

    public static string Moment(DateTime utc) => DossierWorkflow.Local(utc).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    public string Link(int page) =>
        "/office/nhat-ky?" + string.Join('&', new (string Key, string? Value)[]
            {
                ("tu-ngay", From), ("den-ngay", To), ("hanh-dong", Action), ("tai-khoan", Account), ("ket-qua", Outcome),
                ("trang", page.ToString(CultureInfo.InvariantCulture)),
            }
            .Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));
}
