using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Accounts.Security;

/// <summary>
/// Rate limits of sign-in and sign-up per client network. The partition is the network, not the
/// exact address: one machine holds a whole IPv6 /64 and usually several IPv4 addresses of its /24
/// (and all of 127.0.0.0/8), so changing the address must not buy new attempts. Reading a page is
/// not limited, only posting it. Per account, the lock and delays of CredentialCheck apply.
/// </summary>
public static class SignInRateLimits
{
    public const string SignIn = "sign-in";
    public const string SignUp = "sign-up";

    public static IServiceCollection AddSignInRateLimits(this IServiceCollection services, SignInProtectionOptions options) =>
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(SignIn, new ClientNetworkPolicy(options.SignInPerClientPerMinute, TimeSpan.FromMinutes(1)));
            o.AddPolicy(SignUp, new ClientNetworkPolicy(options.SignUpPerClientPerHour, TimeSpan.FromHours(1)));
        });

    /// <summary>The client's network: "loopback", the IPv4 /24 or the IPv6 /64 (an IPv4-mapped address counts as IPv4).</summary>
    public static string ClientNetwork(IPAddress? address)
    {
        if (address is null)
            return "unknown";
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address))
            return "loopback";
        var bytes = address.GetAddressBytes();
        return address.AddressFamily == AddressFamily.InterNetwork
            ? $"{bytes[0]}.{bytes[1]}.{bytes[2]}.0/24"
            : Convert.ToHexString(bytes, 0, 8) + "/64";
    }

    private sealed class ClientNetworkPolicy(int permits, TimeSpan window) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (ctx, _) =>
        {
            var http = ctx.HttpContext;
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            if (http.Request.Path.StartsWithSegments("/api"))
                await Problems.Problem(429, "too-many-requests", "Thao tác quá nhiều lần", "Vui lòng thử lại sau ít phút.").ExecuteAsync(http);
            else
                await TypedResults.Content("<!DOCTYPE html><html lang=\"vi\"><meta charset=\"utf-8\"><title>Thao tác quá nhiều lần</title><p>Bạn đã thử quá nhiều lần, vui lòng thử lại sau ít phút. <a href=\"/\">Về trang chủ</a></p></html>",
                    "text/html; charset=utf-8").ExecuteAsync(http);
        };

        public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
            HttpMethods.IsGet(httpContext.Request.Method) || HttpMethods.IsHead(httpContext.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(ClientNetwork(httpContext.Connection.RemoteIpAddress),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 });
    }
}

/// <summary>The API's answers to a failed sign-in: the same 401 for an unknown account, a wrong password and a locked account.</summary>
public static class SignInAnswers
{
    public static IResult Problem(SignInStatus status) => status switch
    {
        SignInStatus.MfaRequired => Problems.Problem(StatusCodes.Status401Unauthorized, "mfa-required", "Cần mã xác thực hai lớp",
            "Nhập mã 6 số của ứng dụng xác thực (trường totp) hoặc một mã khôi phục. Cán bộ chưa đăng ký xác thực hai lớp đăng nhập trang một cửa để đăng ký."),
        SignInStatus.MfaInvalid => Problems.Problem(StatusCodes.Status401Unauthorized, "mfa-invalid", "Mã xác thực không đúng hoặc đã dùng"),
        _ => Problems.Problem(StatusCodes.Status401Unauthorized, "invalid-credentials", "Tên đăng nhập hoặc mật khẩu không đúng"),
    };
}
