using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace MotCua.Web.Features.Accounts.Sessions;

/// <summary>Database-held sessions: options, the cookie's lifetime and sign-in hook, the check middleware, sign-out.</summary>
public static class SessionsSetup
{
    public static IServiceCollection AddSessions(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(SessionOptions.Section).Get<SessionOptions>() ?? new SessionOptions();
        services.AddSingleton(options);
        services.AddScoped<SessionStore>();
        services.AddSingleton<SessionPurge>();
        services.AddHostedService(sp => sp.GetRequiredService<SessionPurge>());
        services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, o =>
        {
            // The session row decides idle and absolute expiry; the cookie itself never outlives the
            // absolute lifetime and is not renewed (no sliding), so it cannot be kept alive alone.
            o.ExpireTimeSpan = TimeSpan.FromHours(options.AbsoluteHours);
            o.SlidingExpiration = false;
            var signingIn = o.Events.OnSigningIn;
            o.Events.OnSigningIn = async ctx =>
            {
                await signingIn(ctx);
                if (ctx.Principal is { } principal)
                    ctx.Principal = await ctx.HttpContext.RequestServices.GetRequiredService<SessionStore>()
                        .StartAsync(principal, SessionKind.Cookie, ctx.HttpContext.RequestAborted);
            };
        });
        return services;
    }

    /// <summary>After UseAuthentication, before UseAuthorization.</summary>
    public static IApplicationBuilder UseSessions(this IApplicationBuilder app) => app.UseMiddleware<SessionMiddleware>();

    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/sign-out", async (HttpContext http, SessionStore sessions) =>
            {
                await SignOutAsync(http, sessions);
                return TypedResults.NoContent();
            })
            .WithTags("Accounts")
            .WithSummary("End the caller's session: the bearer token (or cookie) stops working at once")
            .RequireAuthorization();
        return app;
    }

    /// <summary>Ends the caller's session and removes the cookie; the browser is told to drop cached pages and storage.</summary>
    public static async Task SignOutAsync(HttpContext http, SessionStore sessions)
    {
        await sessions.EndAsync(http.User, http.RequestAborted);
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        http.Response.Headers["Clear-Site-Data"] = "\"cache\", \"storage\"";
    }
}
