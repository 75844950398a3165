using MotCua.Core.Catalog;

namespace MotCua.Web.Features.Accounts.Security;

/// <summary>
/// Limits on sign-up input beyond the formats: every field has a length cap (a 1 MB address is
/// refused, not stored), and the birth date must be possible. The minimum age is 15: from 15 a
/// person makes civil transactions on their own (Civil Code 2015 art. 21(4)); younger children
/// act through a legal representative's account. No one is assumed older than 120.
/// </summary>
public static class SignUpRules
{
    public const int MinimumAge = 15;
    public const int MaximumAge = 120;
    public const int MaxFullName = 100;
    public const int MaxAddress = 300;
    public const int MaxRawPhone = 20;
    public const int MaxCode = 10;

    /// <summary>Largest sign-up body accepted; anything larger is answered 413 before it is read.</summary>
    public const long MaxRequestBytes = 16 * 1024;

    public static IEnumerable<FieldError> Check(string? fullName, string? phone, string? address, string? provinceCode, string? communeCode, DateOnly? birthDate, DateOnly today)
    {
        if (fullName is { Length: > MaxFullName })
            yield return new FieldError("fullName", $"Họ và tên tối đa {MaxFullName} ký tự.");
        if (phone is { Length: > MaxRawPhone })
            yield return new FieldError("phone", "Số điện thoại quá dài.");
        if (address is { Length: > MaxAddress })
            yield return new FieldError("address", $"Địa chỉ tối đa {MaxAddress} ký tự.");
        if (provinceCode is { Length: > MaxCode } || communeCode is { Length: > MaxCode })
            yield return new FieldError("communeCode", "Mã tỉnh, xã không đúng danh mục đơn vị hành chính hiện hành.");
        if (birthDate is { } birth)
        {
            if (birth > today)
                yield return new FieldError("birthDate", "Ngày sinh không thể ở tương lai.");
            else if (birth < today.AddYears(-MaximumAge))
                yield return new FieldError("birthDate", $"Ngày sinh không hợp lệ (quá {MaximumAge} tuổi).");
            else if (birth > today.AddYears(-MinimumAge))
                yield return new FieldError("birthDate", $"Người từ đủ {MinimumAge} tuổi mới tự đăng ký tài khoản; người dưới {MinimumAge} tuổi do cha, mẹ hoặc người giám hộ thực hiện.");
        }
    }

    /// <summary>
    /// One answer for a taken phone, e-mail or ID number, naming no field: the form does not tell a
    /// stranger which of them is registered (docs/security/sign-in.md).
    /// </summary>
    public static FieldError AccountExists() =>
        new("account", "Không thể tạo tài khoản với thông tin này. Nếu bạn đã có tài khoản, hãy đăng nhập; cần hỗ trợ, liên hệ bộ phận một cửa.");
}
