using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Catalog;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Accounts.Security;
using MotCua.Web.Features.Organization;
using MotCua.Web.Infrastructure.Installation;

namespace MotCua.Web.Pages.Portal;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(SignInRateLimits.SignUp)]
[RequestSizeLimit(SignUpRules.MaxRequestBytes)]
public sealed class SignUpModel(SignUpHandler handler, AppDbContext db, InstallationOptions installation) : PageModel
{
    public sealed class InputModel
    {
        public string? FullName { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
        public string? PersonalId { get; set; }
        public string? BirthDate { get; set; }
        public string? CommuneCode { get; set; }
        public string? Address { get; set; }
        public string? Password { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    /// <summary>Where the citizen was going before being asked to sign in; carried to the sign-in page (local paths only).</summary>
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public IReadOnlyList<AdminUnit> Communes { get; private set; } = [];
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync([FromForm] InputModel input, CancellationToken ct)
    {
        Input = input;
        DateOnly? birth = DateOnly.TryParse(input.BirthDate, System.Globalization.CultureInfo.InvariantCulture, out var b) ? b : null;
        var (account, errors) = await handler.HandleAsync(new SignUpRequest(input.Phone, input.Email, input.Password, input.FullName, input.PersonalId, birth,
            string.IsNullOrEmpty(input.CommuneCode) ? null : installation.ProvinceCode, string.IsNullOrEmpty(input.CommuneCode) ? null : input.CommuneCode,
            input.Address, nameof(ApplicantType.Citizen)), ct);
        if (account is null)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(ct);
            return Page();
        }
        TempData["Flash"] = "Đăng ký thành công. Mời bạn đăng nhập để tiếp tục.";
        return CookieSignInPage.LocalReturn(ReturnUrl) is { } back ? Redirect("/dang-nhap?returnUrl=" + Uri.EscapeDataString(back)) : Redirect("/dang-nhap");
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Communes = await CommunePicker.ListAsync(db, installation.ProvinceCode, ct);
}
