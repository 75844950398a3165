using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Accounts.Security;
using MotCua.Web.Features.Accounts.Security.Passkeys;
using QRCoder;

namespace MotCua.Web.Pages.Account;

/// <summary>
/// TOTP enrolment: the QR code (inline SVG, nothing loaded from elsewhere) and the base32 secret
/// for typing in, then one code confirms; the ten recovery codes are shown on that answer only.
/// An officer who signed in without a second factor yet has a cookie for this page alone; after
/// the code is confirmed the full sign-in replaces it.
/// </summary>
[Authorize(Policy = AccountSecuritySetup.EnrolmentPolicy)]
public sealed class MfaModel(MfaEnrolmentHandler handler, SignInHandler signIn, PasskeyManagement passkeys) : PageModel
{
    public IReadOnlyList<PasskeyRow> Passkeys { get; private set; } = [];
    public bool ScriptNeeded { get; private set; }
    public MfaStatus? Status { get; private set; }
    public MfaSetup? Setup { get; private set; }
    public string? QrSvg { get; private set; }
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];
    public bool WrongCode { get; private set; }
    public bool Officer => User.FindFirst("kind")?.Value == nameof(AccountKind.Officer);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync([FromForm] string? code, CancellationToken ct)
    {
        var userId = User.UserId()!.Value;
        if (await handler.ConfirmAsync(userId, code, ct) is not { } codes)
        {
            WrongCode = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(ct);
            return Page();
        }
        if (await signIn.PrincipalAsync(userId, CookieAuthenticationDefaults.AuthenticationScheme, ct) is { } principal)
            await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        RecoveryCodes = codes;
        Status = new MfaStatus(true, codes.Count);
        return Page();
    }

    /// <summary>Adding a passkey needs the browser's WebAuthn API (js/passkey.js); without script the form lands here.</summary>
    public async Task OnPostAddPasskeyAsync(CancellationToken ct)
    {
        ScriptNeeded = true;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostRemovePasskeyAsync(long id, CancellationToken ct)
    {
        if (User.HasClaim(c => c.Type == SignInHandler.EnrolmentClaim))
            return Forbid();
        if (await passkeys.RemoveAsync(User.UserId()!.Value, id, ct))
            TempData["Flash"] = "Đã xóa khóa truy cập.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var userId = User.UserId()!.Value;
        Status = await handler.StatusAsync(userId, ct);
        if (Status.Enabled)
        {
            Passkeys = await passkeys.ListAsync(userId, ct);
            return;
        }
        Setup = await handler.StartAsync(userId, ct);
        if (Setup is not null)
        {
            using var data = QRCodeGenerator.GenerateQrCode(Setup.OtpAuthUri, QRCodeGenerator.ECCLevel.M);
            QrSvg = new SvgQRCode(data).GetGraphic(4);
        }
    }
}
