using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Catalog;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts.Security;
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
public sealed class SignUpHandler(AppDbContext db, IPasswordHasher<UserAccount> hasher, PasswordPolicy passwords, TimeProvider time)
{
    public async Task<(SignUpResponse? Account, IReadOnlyList<FieldError> Errors)> HandleAsync(SignUpRequest r, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        errors.AddRange(SignUpRules.Check(r.FullName, r.Phone, r.Address, r.ProvinceCode, r.CommuneCode, r.BirthDate, today));
        if (errors.Count > 0)
            return (null, errors); // over-long input goes no further (not normalised, not looked up)
        var (phone, email) = ContactRules.Normalise(r.Phone, r.Email, errors);
        errors.AddRange(passwords.Check(r.Password, phone, r.PersonalId));
        if (string.IsNullOrWhiteSpace(r.FullName))
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
        if (errors.Count > 0)
            return (null, errors);
        // Looked up only for an otherwise valid request, and answered without naming the field.
        var userName = phone ?? email;
        if (await db.UserAccounts.AnyAsync(u => u.UserName == userName || (r.PersonalId != null && u.PersonalId == r.PersonalId), ct))
            return (null, [SignUpRules.AccountExists()]);

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
        catch (DbUpdateException e) when (!Infrastructure.Http.DatabaseFailures.IsUnavailable(e))
        {
            return (null, [SignUpRules.AccountExists()]);
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
