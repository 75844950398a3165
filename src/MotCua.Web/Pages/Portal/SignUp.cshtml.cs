using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Catalog;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Accounts.Security;
using MotCua.Web.Features.Integrations.Population;
using MotCua.Web.Features.Organization;
using MotCua.Web.Infrastructure.Installation;

namespace MotCua.Web.Pages.Portal;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(SignInRateLimits.SignUp)]
[RequestSizeLimit(SignUpRules.MaxRequestBytes)]
public sealed class SignUpModel(SignUpHandler handler, LookUpCitizenHandler population, AppDbContext db, InstallationOptions installation) : PageModel
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
    /// <summary>The answer of the population database when the citizen asked it to fill the form.</summary>
    public PopulationLookupResult? Lookup { get; private set; }

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

    /// <summary>
    /// "Lấy thông tin từ CSDL quốc gia về dân cư" (docs/integrations/lgsp-population.md#prefill): the ID number,
    /// name and birth date typed must all match; then name, birth date, commune and address are filled. Logged
    /// as a sign-up lookup whatever the outcome; it counts against the page's per-client limit on posts
    /// (<see cref="SignInRateLimits.SignUp"/>), so the database cannot be walked from here.
    /// </summary>
    public async Task<IActionResult> OnPostLookupAsync([FromForm] InputModel input, CancellationToken ct)
    {
        Input = input;
        input.Password = null; // never sent back into the page
        DateOnly? birth = DateOnly.TryParse(input.BirthDate, System.Globalization.CultureInfo.InvariantCulture, out var b) ? b : null;
        var (result, errors) = await population.HandleAsync(new PopulationLookupRequest(input.PersonalId, input.FullName, birth),
            new PopulationLookupCaller(null, null, "portal-sign-up", LookupPurpose.SignUp), ct);
        Lookup = result;
        Errors = errors.Select(e => e.Field switch
        {
            "idNumber" => e with { Field = "personalId" },
            _ => e,
        }).ToList();
        if (result?.Citizen is { } citizen)
        {
            input.FullName = citizen.Name;
            input.BirthDate = citizen.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            if (citizen.ProvinceCode == installation.ProvinceCode && !string.IsNullOrEmpty(citizen.CommuneCode))
                input.CommuneCode = citizen.CommuneCode;
            input.Address = citizen.Address ?? input.Address;
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Communes = await CommunePicker.ListAsync(db, installation.ProvinceCode, ct);
}
