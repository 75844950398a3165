using Microsoft.EntityFrameworkCore;
using MotCua.Core.Catalog;
using MotCua.Web.Data;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Accounts;

public sealed record ProfileResponse(string UserName, string FullName, string? Phone, string? Email, string? PersonalId, DateOnly? BirthDate,
    string? ProvinceCode, string? CommuneCode, string? Address, string? IdentityVerifiedBy = null);
public sealed record UpdateProfileRequest(string? Phone, string? Email, string? CommuneCode, string? Address);

/// <summary>
/// The applicant's own profile, prefilled into new dossiers. Contact details and address can be
/// changed; name, ID number and birth date are identity data and stay as registered
/// (a sign-in with VNeID or the DVCQG account replaces name and birth date with the verified ones and sets
/// IdentityVerifiedBy, docs/integrations/vneid.md). Dossiers already submitted keep their own copy.
/// </summary>
public sealed class ProfileHandler(AppDbContext db)
{
    public async Task<ProfileResponse?> GetAsync(long userId, CancellationToken ct) =>
        await db.UserAccounts.AsNoTracking().Where(u => u.Id == userId && u.Kind == AccountKind.Applicant)
            .Select(u => new ProfileResponse(u.UserName, u.FullName, u.Phone, u.Email, u.PersonalId, u.BirthDate, u.ProvinceCode, u.CommuneCode, u.Address, u.EidProvider))
            .SingleOrDefaultAsync(ct);

    public async Task<IReadOnlyList<FieldError>> UpdateAsync(long userId, UpdateProfileRequest r, CancellationToken ct)
    {
        var account = await db.UserAccounts.SingleOrDefaultAsync(u => u.Id == userId && u.Kind == AccountKind.Applicant, ct);
        if (account is null)
            return [new FieldError("account", "Chỉ tài khoản công dân, doanh nghiệp có hồ sơ cá nhân.")];
        var errors = new List<FieldError>();
        var (phone, email) = ContactRules.Normalise(r.Phone, r.Email, errors);
        if (r.CommuneCode is not null && !await db.AdminUnits.AnyAsync(u => u.Code == r.CommuneCode && u.ValidTo == null && u.ParentCode != null, ct))
            errors.Add(new FieldError("communeCode", "Mã xã, phường không đúng danh mục hiện hành."));
        if (r.Address is { Length: > 300 })
            errors.Add(new FieldError("address", "Địa chỉ tối đa 300 ký tự."));
        if (errors.Count > 0)
            return errors;
        account.Phone = phone;
        account.Email = email;
        if (r.CommuneCode is not null)
        {
            account.CommuneCode = r.CommuneCode;
            account.ProvinceCode = await db.AdminUnits.Where(u => u.Code == r.CommuneCode && u.ValidTo == null).Select(u => u.ParentCode).FirstAsync(ct);
        }
        account.Address = r.Address?.Trim();
        await db.SaveChangesAsync(ct);
        return [];
    }

    public static async Task<IResult> GetEndpoint(HttpContext http, ProfileHandler handler, CancellationToken ct) =>
        http.User.UserId() is { } id && await handler.GetAsync(id, ct) is { } profile
            ? TypedResults.Ok(profile)
            : Problems.NotFound("Không có hồ sơ cá nhân cho tài khoản này.");

    public static async Task<IResult> PutEndpoint(HttpContext http, UpdateProfileRequest? request, ProfileHandler handler, CancellationToken ct)
    {
        if (http.User.UserId() is not { } id)
            return Problems.Problem(401, "unauthenticated", "Chưa đăng nhập");
        if (request is null)
            return Problems.Validation("body", "Thiếu nội dung.");
        var errors = await handler.UpdateAsync(id, request, ct);
        return errors.Count > 0 ? Problems.Validation(errors) : TypedResults.NoContent();
    }
}
