using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Catalog;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Accounts;

public sealed record SignUpRequest(string? Phone, string? Email, string? Password, string? FullName, string? PersonalId, DateOnly? BirthDate,
    string? ProvinceCode, string? CommuneCode, string? Address, string? ApplicantType);
public sealed record SignUpResponse(long Id, string UserName);

/// <summary>
/// Citizen or business sign-up with a phone number or e-mail and a password (national e-ID login
/// comes later). The user name is the phone number, or the e-mail when no phone is given. The
/// 12-digit personal identification number is checked (Law on Identification 2023), the address is
/// province + commune codes of the current two-level units.
/// </summary>
public sealed class SignUpHandler(AppDbContext db, IPasswordHasher<UserAccount> hasher, TimeProvider time)
{
    public async Task<(SignUpResponse? Account, IReadOnlyList<FieldError> Errors)> HandleAsync(SignUpRequest r, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var (phone, email) = ContactRules.Normalise(r.Phone, r.Email, errors);
        if (r.Password is null || r.Password.Length < 10 || r.Password.Length > 200 || !r.Password.Any(char.IsDigit) || !r.Password.Any(char.IsLetter))
            errors.Add(new FieldError("password", "Mật khẩu từ 10 ký tự, có cả chữ và số."));
        if (string.IsNullOrWhiteSpace(r.FullName) || r.FullName.Length > 200)
            errors.Add(new FieldError("fullName", "Vui lòng nhập họ và tên."));
        var parse = new QueryParsing();
        var type = parse.Enum<ApplicantType>(r.ApplicantType ?? nameof(ApplicantType.Citizen), "applicantType");
        errors.AddRange(parse.Errors);
        if (type == ApplicantType.Citizen)
            errors.AddRange(PersonalIdentificationNumber.Validate(r.PersonalId, r.BirthDate).Select(m => new FieldError("personalId", m)));
        if (r.ProvinceCode is not null || r.CommuneCode is not null)
        {
            var commune = await db.AdminUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Code == r.CommuneCode && u.ParentCode == r.ProvinceCode && u.ValidTo == null, ct);
            if (commune is null)
                errors.Add(new FieldError("communeCode", "Mã tỉnh, xã không đúng danh mục đơn vị hành chính hiện hành."));
        }
        var userName = phone ?? email;
        if (userName is not null && await db.UserAccounts.AnyAsync(u => u.UserName == userName, ct))
            errors.Add(new FieldError(phone is not null ? "phone" : "email", "Tài khoản đã tồn tại."));
        if (errors.Count > 0)
            return (null, errors);

        var account = new UserAccount
        {
            UserName = userName!,
            PasswordHash = "",
            FullName = r.FullName!.Trim(),
            Kind = AccountKind.Applicant,
            CreatedAt = time.GetUtcNow().UtcDateTime,
            Phone = phone,
            Email = email,
            PersonalId = r.PersonalId,
            BirthDate = r.BirthDate,
            ProvinceCode = r.ProvinceCode,
            CommuneCode = r.CommuneCode,
            Address = r.Address?.Trim(),
            ApplicantType = type,
        };
        account.PasswordHash = hasher.HashPassword(account, r.Password!);
        db.UserAccounts.Add(account);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return (null, [new FieldError("phone", "Tài khoản đã tồn tại.")]);
        }
        return (new SignUpResponse(account.Id, account.UserName), []);
    }

    public static async Task<IResult> Endpoint(SignUpRequest? request, SignUpHandler handler, CancellationToken ct)
    {
        if (request is null)
            return Problems.Validation("body", "Thiếu thông tin đăng ký.");
        var (account, errors) = await handler.HandleAsync(request, ct);
        return account is null ? Problems.Validation(errors) : TypedResults.Created($"/api/accounts/{account.Id}", account);
    }
}
