using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Accounts.Sessions;

/// <summary>
/// Runs after authentication on every request: a principal whose session is ended, idle, expired or
/// of a disabled account becomes anonymous (and its cookie is removed), so authorization then answers
/// 401 or the login page. A state-changing /api request authenticated by the cookie must carry the
/// anti-forgery token (docs/adr/0006-api-csrf.md); bearer tokens cannot be sent by another site.
/// </summary>
public sealed class SessionMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, SessionStore sessions, IAntiforgery antiforgery)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            var kind = await sessions.CheckAsync(context.User, context.RequestAborted);
            if (kind is null)
            {
                if (AuthenticatedByCookie(context))
                    await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
            else if (kind == SessionKind.Cookie && IsStateChangingApiCall(context.Request) && !await antiforgery.IsRequestValidAsync(context))
            {
                // Written directly: the shared 403 customisation would replace this specific type.
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsJsonAsync(new ProblemDetails
                {
                    Type = Problems.TypePrefix + "csrf",
                    Title = "Thiếu hoặc sai mã chống giả mạo yêu cầu",
                    Status = StatusCodes.Status403Forbidden,
                    Detail = "Yêu cầu thay đổi dữ liệu qua /api bằng cookie đăng nhập phải kèm tiêu đề RequestVerificationToken; ứng dụng khác dùng mã truy cập (Bearer).",
                }, (JsonSerializerOptions?)null, "application/problem+json", context.RequestAborted);
                return;
            }
        }
        await next(context);
    }

    private static bool AuthenticatedByCookie(HttpContext context) =>
        context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Ticket?.AuthenticationScheme == CookieAuthenticationDefaults.AuthenticationScheme;

    private static bool IsStateChangingApiCall(HttpRequest request) =>
        request.Path.StartsWithSegments("/api")
        && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method));
}
