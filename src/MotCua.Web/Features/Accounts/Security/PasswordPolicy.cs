using MotCua.Core.Catalog;

namespace MotCua.Web.Features.Accounts.Security;

/// <summary>
/// Passwords of new accounts: 10 to 200 characters with letters and digits, not on the list of
/// common passwords (Features/Accounts/Passwords/common-passwords.txt, about 5,000 entries
/// including Vietnamese ones), and not containing the account's own phone or ID number
/// (OWASP ASVS 5.0 6.2.4, 6.2.11). Long passwords are taken as typed, never truncated.
/// </summary>
public sealed class PasswordPolicy
{
    public const int MinLength = 10;
    public const int MaxLength = 200;

    private readonly HashSet<string> _common = Load();

    public IEnumerable<FieldError> Check(string? password, params string?[] ownData)
    {
        if (password is null || password.Length < MinLength || password.Length > MaxLength || !password.Any(char.IsDigit) || !password.Any(char.IsLetter))
        {
            yield return new FieldError("password", "Mật khẩu từ 10 đến 200 ký tự, có cả chữ và số.");
            yield break;
        }
        if (_common.Contains(password.ToLowerInvariant()))
            yield return new FieldError("password", "Mật khẩu này quá phổ biến, dễ bị đoán. Vui lòng chọn mật khẩu khác.");
        else if (ownData.Any(d => d is { Length: >= 6 } && password.Contains(d, StringComparison.OrdinalIgnoreCase)))
            yield return new FieldError("password", "Mật khẩu không được chứa số điện thoại hoặc số định danh của bạn.");
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("accounts/common-passwords.txt")
            ?? throw new InvalidOperationException("The embedded common-password list is missing.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
                set.Add(line.Trim().ToLowerInvariant());
        }
        return set;
    }
}
