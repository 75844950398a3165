using System.Net;
using System.Text;
using MotCua.Simulator.Lgsp;

namespace MotCua.Simulator.Vneid;

/// <summary>
/// The provider's small Vietnamese login page: one button per test identity (the citizens of the
/// simulated population database), or ID number and password; "Hủy" answers access_denied.
/// The authorisation request travels in hidden fields.
/// </summary>
internal static class OidcLoginPage
{
    public static readonly string[] RequestFields = ["client_id", "redirect_uri", "state", "nonce", "scope", "code_challenge", "code_challenge_method"];

    public static string Render(OidcProviderProfile profile, IReadOnlyDictionary<string, string> request, string? error)
    {
        var hidden = new StringBuilder();
        foreach (var name in RequestFields)
            hidden.Append("<input type=\"hidden\" name=\"").Append(name).Append("\" value=\"")
                .Append(WebUtility.HtmlEncode(request.GetValueOrDefault(name, ""))).Append("\">");
        var identities = new StringBuilder();
        foreach (var citizen in SimulatedCitizens.All)
            identities.Append("<li><button type=\"submit\" name=\"identity\" value=\"").Append(citizen.Id).Append("\">")
                .Append(WebUtility.HtmlEncode(citizen.Name)).Append(" — ").Append(citizen.Id).Append("</button></li>");
        var alert = error is null ? "" : $"<p role=\"alert\" style=\"color:#b00020\">{WebUtility.HtmlEncode(error)}</p>";
        var title = WebUtility.HtmlEncode(profile.DisplayName);
        return $"""
            <!doctype html>
            <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Đăng nhập {title} (mô phỏng)</title></head>
            <body style="font-family:sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem">
            <h1>Đăng nhập {title}</h1>
            <p>Hệ thống mô phỏng để thử nghiệm — không phải {title} thật.</p>
            {alert}
            <form method="post">{hidden}
            <h2>Chọn tài khoản thử nghiệm</h2>
            <ul>{identities}</ul>
            </form>
            <form method="post">{hidden}
            <h2>Hoặc nhập số định danh cá nhân</h2>
            <p><label for="username">Số định danh cá nhân</label><br><input id="username" name="username" inputmode="numeric" maxlength="12"></p>
            <p><label for="password">Mật khẩu</label><br><input id="password" name="password" type="password"></p>
            <p><button type="submit" name="action" value="login">Đăng nhập</button>
            <button type="submit" name="action" value="cancel">Hủy</button></p>
            </form>
            </body></html>
            """;
    }
}
