using System.Net.Mail;
using MotCua.Core.Catalog;

namespace MotCua.Web.Features.Accounts;

/// <summary>How an applicant's phone and e-mail are checked and normalised, at sign-up and on the profile.</summary>
public static class ContactRules
{
    /// <summary>Digits only for the phone, lower case for the e-mail; errors in Vietnamese. At least one contact is required for notifications.</summary>
    public static (string? Phone, string? Email) Normalise(string? rawPhone, string? rawEmail, List<FieldError> errors)
    {
        var phone = rawPhone is null ? null : new string(rawPhone.Where(char.IsAsciiDigit).ToArray());
        if (string.IsNullOrEmpty(phone))
            phone = null;
        else if (!(phone.Length == 10 && phone[0] == '0'))
            errors.Add(new FieldError("phone", "Số điện thoại di động gồm 10 chữ số, bắt đầu bằng 0."));
        var email = string.IsNullOrWhiteSpace(rawEmail) ? null : rawEmail.Trim().ToLowerInvariant();
        if (email is not null && (email.Length > 200 || !MailAddress.TryCreate(email, out _)))
            errors.Add(new FieldError("email", "E-mail không hợp lệ."));
        if (phone is null && email is null)
            errors.Add(new FieldError("phone", "Cần số điện thoại hoặc e-mail để nhận thông báo."));
        return (phone, email);
    }
}
