using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Core.Catalog;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Organization;
using MotCua.Web.Infrastructure.Installation;

namespace MotCua.Web.Pages.Portal;

/// <summary>The applicant's profile page; the same handler as GET/PUT /api/accounts/me.</summary>
public sealed class ProfileModel(ProfileHandler handler, AppDbContext db, InstallationOptions installation) : PageModel
{
    public ProfileResponse? Profile { get; private set; }
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];
    public IReadOnlyList<AdminUnit> Communes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Profile = User.UserId() is { } id ? await handler.GetAsync(id, ct) : null;
        Communes = await CommunePicker.ListAsync(db, installation.ProvinceCode, ct);
        return Profile is null ? Redirect("/office") : Page();
    }

    public async Task<IActionResult> OnPostAsync(string? phone, string? email, string? communeCode, string? address, CancellationToken ct)
    {
        if (User.UserId() is not { } id)
            return Challenge();
        Errors = await handler.UpdateAsync(id, new UpdateProfileRequest(phone, email, string.IsNullOrWhiteSpace(communeCode) ? null : communeCode.Trim(), address), ct);
        if (Errors.Count == 0)
        {
            TempData["Flash"] = "Đã lưu thông tin tài khoản.";
            return Redirect("/tai-khoan");
        }
        Profile = await handler.GetAsync(id, ct);
        Communes = await CommunePicker.ListAsync(db, installation.ProvinceCode, ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Profile is null ? NotFound() : Page();
    }
}
