using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Web.Data;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Accounts.Security.Passkeys;

public sealed record PasskeyRow(long Id, string Name, DateTime CreatedAt, DateTime? LastUsedAt);
public sealed record PasskeyRegistration(string? ChallengeId, string? Name, JsonElement? Credential);

/// <summary>
/// An account's own passkeys: list, add (two steps: options, then the browser's answer), remove.
/// A passkey is an alternative to the TOTP code, so it is added only once TOTP is on: the recovery
/// codes then cover the loss of either (docs/security/sign-in.md). Each change is a security event.
/// </summary>
public sealed class PasskeyManagement(AppDbContext db, PasskeyCeremonies ceremonies, IOptions<PasskeyOptions> options, TimeProvider time)
{
    public async Task<IReadOnlyList<PasskeyRow>> ListAsync(long userId, CancellationToken ct) =>
        await db.Passkeys.AsNoTracking().Where(p => p.UserAccountId == userId).OrderBy(p => p.Id)
            .Select(p => new PasskeyRow(p.Id, p.Name, p.CreatedAt, p.LastUsedAt)).ToListAsync(ct);

    public async Task<IResult> BeginAsync(long userId, CancellationToken ct)
    {
        if (!await db.AccountSecurity.AnyAsync(s => s.UserAccountId == userId && s.TotpEnabledAt != null && s.TotpSecret != null, ct))
            return Problems.Conflict("Hãy bật xác thực hai lớp bằng ứng dụng xác thực trước khi thêm khóa truy cập (passkey).");
        if (await db.Passkeys.CountAsync(p => p.UserAccountId == userId, ct) >= options.Value.MaxPerAccount)
            return Problems.Conflict($"Mỗi tài khoản có tối đa {options.Value.MaxPerAccount} khóa truy cập; hãy xóa bớt khóa không dùng.");
        var account = await db.UserAccounts.AsNoTracking().SingleAsync(u => u.Id == userId, ct);
        var request = await ceremonies.BeginRegistrationAsync(account, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(request);
    }

    public async Task<IResult> FinishAsync(long userId, PasskeyRegistration? registration, CancellationToken ct)
    {
        var name = Clean(registration?.Name);
        if (name is null)
            return Problems.Validation("name", $"Đặt tên cho khóa truy cập (1–{PasskeyModel.MaxNameLength} ký tự), ví dụ \"Điện thoại\".");
        var now = time.GetUtcNow().UtcDateTime;
        var passkey = await ceremonies.FinishRegistrationAsync(userId, registration!.ChallengeId, registration.Credential, name, ct);
        if (passkey is null)
        {
            db.AuditEntries.Add(SecurityEvents.For(SecurityEvents.MfaFailed, userId, now, userId, "reason=passkey-registration"));
            await db.SaveChangesAsync(ct);
            return Problems.Validation("credential", "Không xác minh được khóa truy cập (hết hạn hoặc sai thông tin). Vui lòng thử lại.");
        }
        db.Passkeys.Add(passkey);
        db.AuditEntries.Add(SecurityEvents.For(SecurityEvents.PasskeyRegistered, userId, now, userId, "credential=" + PasskeyCeremonies.Fingerprint(passkey)));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/accounts/me/passkeys/{passkey.Id}", new PasskeyRow(passkey.Id, passkey.Name, passkey.CreatedAt, null));
    }

    public async Task<bool> RemoveAsync(long userId, long passkeyId, CancellationToken ct)
    {
        var passkey = await db.Passkeys.SingleOrDefaultAsync(p => p.Id == passkeyId && p.UserAccountId == userId, ct);
        if (passkey is null)
            return false;
        db.Passkeys.Remove(passkey);
        db.AuditEntries.Add(SecurityEvents.For(SecurityEvents.PasskeyRemoved, userId, time.GetUtcNow().UtcDateTime, userId,
            "credential=" + PasskeyCeremonies.Fingerprint(passkey)));
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The name as shown later: trimmed, control and bidi characters removed, length capped.</summary>
    private static string? Clean(string? name)
    {
        if (name is null)
            return null;
        var cleaned = new string(name.Where(c => !char.IsControl(c) && !char.IsSurrogate(c) && char.GetUnicodeCategory(c) != UnicodeCategory.Format).ToArray()).Trim();
        return cleaned.Length is 0 or > PasskeyModel.MaxNameLength ? null : cleaned;
    }
}
