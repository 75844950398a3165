using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts.Security;

namespace MotCua.Web.Features.Accounts.Eid;

/// <summary>
/// The end of the provider's round trip: a verified identity becomes the MotCua principal that the
/// cookie scheme signs in (its session starts there, Sessions/SessionsSetup.cs); anything else goes
/// back to the sign-in page with a Vietnamese message and no session.
/// </summary>
public static class EidCallback
{
    public const string Home = "/ho-so-cua-toi";
    public const string Cancelled = "huy";
    public const string Unverified = "xac-thuc";
    public const string MissingClaims = "thong-tin";
    public const string Unusable = "tai-khoan";

    public static async Task SignInAsync(TicketReceivedContext ctx, EidProvider provider)
    {
        var identity = EidIdentity.From(ctx.Principal!);
        if (identity is null)
        {
            await FailAsync(ctx, provider, MissingClaims, ctx.ReturnUri, null);
            return;
        }
        var (_, principal) = await ctx.HttpContext.RequestServices.GetRequiredService<EidSignIn>()
            .HandleAsync(provider.Scheme, identity, ctx.HttpContext.RequestAborted);
        if (principal is null)
        {
            Redirect(ctx.HttpContext, Unusable, provider, ctx.ReturnUri); // EidSignIn wrote the audit row
            ctx.HandleResponse();
            return;
        }
        ctx.Principal = principal;
        ctx.Properties = new AuthenticationProperties(); // nothing of the provider's exchange goes into the cookie
        ctx.ReturnUri = CookieSignInPage.LocalReturn(ctx.ReturnUri) ?? Home;
    }

    /// <summary>Audits the refusal (no account known), answers with the sign-in page and its message.</summary>
    public static async Task FailAsync<TOptions>(HandleRequestContext<TOptions> ctx, EidProvider provider, string reason, string? returnUrl, Exception? failure)
        where TOptions : AuthenticationSchemeOptions
    {
        var services = ctx.HttpContext.RequestServices;
        if (failure is not null)
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EidCallback))
                .LogWarning("Sign-in with {Provider} refused: {Failure}", provider.Scheme, failure.Message);
        var db = services.GetRequiredService<AppDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        db.AuditEntries.Add(SecurityEvents.For(SecurityEvents.SignInFailed, null, now, null, $"reason=eid-{reason};provider={provider.Scheme}"));
        await db.SaveChangesAsync(ctx.HttpContext.RequestAborted);
        Redirect(ctx.HttpContext, reason, provider, returnUrl);
        ctx.HandleResponse();
    }

    private static void Redirect(HttpContext http, string reason, EidProvider provider, string? returnUrl)
    {
        var back = CookieSignInPage.LocalReturn(returnUrl);
        http.Response.Redirect($"/dang-nhap?loi={reason}&qua={provider.Scheme}"
            + (back is null || back == Home ? "" : "&returnUrl=" + Uri.EscapeDataString(back)));
    }

    /// <summary>The sign-in page's message for a refused round trip (null for an unknown reason).</summary>
    public static string? Message(string? reason, string? scheme)
    {
        var name = scheme == EidProviders.Dvcqg.Scheme ? "tài khoản Cổng Dịch vụ công quốc gia" : "VNeID";
        return reason switch
        {
            Cancelled => $"Bạn đã hủy đăng nhập bằng {name}.",
            Unverified => $"Không xác nhận được kết quả đăng nhập bằng {name}, nên chưa đăng nhập. Vui lòng thử lại; nếu lỗi lặp lại, hãy gọi đường dây nóng.",
            MissingClaims => $"{name} không gửi đủ số định danh cá nhân, họ tên và ngày sinh, nên chưa thể đăng nhập. Bạn có thể đăng nhập bằng số điện thoại hoặc e-mail.",
            Unusable => $"Số định danh này thuộc một tài khoản không đăng nhập được bằng {name} (tài khoản cán bộ hoặc đã bị khóa). Vui lòng liên hệ bộ phận hỗ trợ.",
            _ => null,
        };
    }
}
