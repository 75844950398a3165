using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Integrations.Core;

namespace MotCua.Web.Pages.Office;

/// <summary>
/// "Liên thông": the integration layer for administrators (docs/integrations/integration-layer.md#page):
/// per target the queue, the failures with their last error, pause and resume; resend a failed
/// message; a dossier's sync state and messages by its code. Post-redirect-get; audit rows in the handlers.
/// </summary>
[Authorize(Policy = Permissions.IntegrationsManage)]
public sealed class IntegrationsModel(GetIntegrationsOverviewHandler overview, ManageIntegrationsHandler manage, LookupDossierSyncHandler lookup) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ma-ho-so")] public string? DossierCode { get; set; }
    [TempData] public string? Message { get; set; }

    public IntegrationsOverview? Overview { get; private set; }
    public DossierSyncView? Dossier { get; private set; }
    public bool DossierNotFound { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Overview = await overview.HandleAsync(ct);
        if (DossierCode?.Trim() is { Length: > 0 and <= 40 } code)
        {
            Dossier = await lookup.HandleAsync(code, ct);
            DossierNotFound = Dossier is null;
        }
        else if (!string.IsNullOrWhiteSpace(DossierCode))
            DossierNotFound = true;
    }

    public async Task<IActionResult> OnPostPauseAsync(string? target, bool paused, CancellationToken ct)
    {
        if (target?.Trim() is not { Length: > 0 and <= ManageIntegrationsHandler.MaxTargetLength } name)
        {
            Message = "Hệ thống liên thông không hợp lệ.";
            return RedirectToPage();
        }
        await manage.SetPausedAsync(name, paused, User.UserId(), User.Identity?.Name ?? "?", ct);
        Message = paused ? $"Đã tạm dừng gửi tới {TargetName(name)}; các thông điệp được giữ lại." : $"Đã tiếp tục gửi tới {TargetName(name)}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResendAsync(long id, string? code, CancellationToken ct)
    {
        Message = await manage.ResendAsync(id, User.UserId(), ct)
            ? $"Đã đưa thông điệp {id} vào hàng đợi gửi lại."
            : $"Không có thông điệp {id} đang chờ gửi.";
        return RedirectToPage(new Dictionary<string, string?> { ["ma-ho-so"] = code });
    }

    public static string TargetName(string target) => target switch
    {
        "dvcqg" => "Cổng Dịch vụ công quốc gia",
        "email" => "Thư điện tử",
        "sms" => "Tin nhắn SMS",
        _ => target,
    };

    public static string Moment(DateTime? utc) =>
        utc is { } u ? DossierWorkflow.Local(u).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture) : "—";
}
