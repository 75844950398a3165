using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using MotCua.Web.Features.Accounts.Security;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Accounts;

/// <summary>
/// Authentication: a cookie for the office pages, bearer tokens for the API, one policy scheme
/// that picks by the Authorization header. Authorization: one policy per named permission.
/// </summary>
public static class AccountsSetup
{
    public const string Scheme = "MotCua";
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);

    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDataProtectionKeys(configuration);
        services.AddSingleton<IPasswordHasher<UserAccount>, PasswordHasher<UserAccount>>();
        services.AddScoped<SignInHandler>();
        services.AddAccountSecurity(configuration);

        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, Scheme, o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerTokenDefaults.AuthenticationScheme
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddBearerToken(o => o.BearerTokenExpiration = TokenLifetime)
            .AddCookie(o =>
            {
                o.LoginPath = "/office/dang-nhap";
                o.AccessDeniedPath = "/office/khong-co-quyen";
                o.Cookie.Name = "motcua.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                // Lifetime, idle timeout and the session claim: Sessions/SessionsSetup.cs.
                // The API answers 401/403 as ProblemDetails instead of redirecting to the login page.
                o.Events.OnRedirectToLogin = ctx => ApiOrRedirect(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiOrRedirect(ctx, StatusCodes.Status403Forbidden);
            });

        services.AddAuthorizationBuilder().AddPermissionPolicies();
        return services;
    }

    private static AuthorizationBuilder AddPermissionPolicies(this AuthorizationBuilder builder)
    {
        foreach (var permission in Permissions.All)
            builder.AddPolicy(permission, p => p.RequireClaim(Permissions.ClaimType, permission));
        return builder;
    }

    private static Task ApiOrRedirect(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        // Applicants sign in on the portal, officers on the office login page.
        if (status == StatusCodes.Status401Unauthorized && !ctx.Request.Path.StartsWithSegments("/office"))
        {
            ctx.Response.Redirect("/dang-nhap?returnUrl=" + Uri.EscapeDataString(ctx.Request.Path + ctx.Request.QueryString));
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/token", async Task<IResult> (TokenRequest? request, SignInHandler handler, Sessions.SessionStore sessions, CancellationToken ct) =>
            {
                var result = await handler.HandleAsync(request?.UserName, request?.Password, request?.Totp, BearerTokenDefaults.AuthenticationScheme, ct);
                if (result is not { Status: SignInStatus.Success, Principal: { } principal })
                    return SignInAnswers.Problem(result.Status);
                principal = await sessions.StartAsync(principal, Sessions.SessionKind.Bearer, ct);
                return TypedResults.SignIn(principal, authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
            })
            .WithTags("Accounts")
            .WithSummary("Exchange a user name, password and TOTP code (officers) for a bearer token ({ accessToken, expiresIn })")
            .RequireRateLimiting(SignInRateLimits.SignIn)
            .AllowAnonymous();
        app.MapAccountSecurityApi();
        return app;
    }
}
