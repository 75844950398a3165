using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Accounts.Security;

namespace MotCua.Web.Pages.Office;

/// <summary>The administrator's list of officer accounts with lock and second-factor state; unlock and reset, same handlers as the API.</summary>
[Authorize(Policy = Permissions.OrganizationManage)]
public sealed class AccountSecurityModel(AccountSecurityAdmin admin) : PageModel
{
    public IReadOnlyList<AccountSecurityRow> Accounts { get; private set; } = [];
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Accounts = await admin.ListOfficersAsync(ct);

    public async Task<IActionResult> OnPostUnlockAsync(long id, CancellationToken ct)
    {
        Message = await admin.UnlockAsync(id, User.UserId()!.Value, ct) ? "Đã mở khóa tài khoản." : "Không có tài khoản này.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResetMfaAsync(long id, CancellationToken ct)
    {
        Message = await admin.ResetMfaAsync(id, User.UserId()!.Value, ct)
            ? "Đã đặt lại xác thực hai lớp; cán bộ đăng ký lại ở lần đăng nhập tới."
            : "Không có tài khoản này.";
        return RedirectToPage();
    }
}
