using Microsoft.AspNetCore.Authorization;
using MotCua.Web.Features.Accounts.Security.Passkeys;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Accounts.Security;

/// <summary>Second factor, lockout, password hashing and sign-in rate limits; the API to enrol, unlock and reset.</summary>
public static class AccountSecuritySetup
{
    /// <summary>Signed in, with or without the second factor enrolled: the enrolment page only.</summary>
    public const string EnrolmentPolicy = "mfa-enrolment";

    public static IServiceCollection AddAccountSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SignInProtectionOptions.Section);
        services.Configure<SignInProtectionOptions>(section);
        services.AddPasswordHashing();
        services.AddSingleton<TotpAuthenticator>();
        services.AddSingleton<PasswordPolicy>();
        services.AddScoped<CredentialCheck>();
        services.AddScoped<MfaEnrolmentHandler>();
        services.AddScoped<AccountSecurityAdmin>();
        services.AddScoped<ChangePasswordHandler>();
        services.AddScoped<DisableMfaHandler>();
        services.AddPasskeys(configuration);
        services.AddSignInRateLimits(section.Get<SignInProtectionOptions>() ?? new SignInProtectionOptions());
        // A cookie of an officer who still has to enrol the second factor opens the enrolment page
        // and nothing else: the default policy ([Authorize], RequireAuthorization()) refuses it.
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
                .RequireAssertion(ctx => !ctx.User.HasClaim(c => c.Type == SignInHandler.EnrolmentClaim)).Build())
            .AddPolicy(EnrolmentPolicy, p => p.RequireAuthenticatedUser());
        return services;
    }

    public static IEndpointRouteBuilder MapAccountSecurityApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/accounts/me/mfa").WithTags("Accounts").RequireAuthorization();
        me.MapGet("/", async (HttpContext http, MfaEnrolmentHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.StatusAsync(http.User.UserId()!.Value, ct))).WithSummary("Whether the TOTP second factor is on, and recovery codes left");
        me.MapPost("/", async Task<IResult> (HttpContext http, MfaEnrolmentHandler handler, CancellationToken ct) =>
            await handler.StartAsync(http.User.UserId()!.Value, ct) is { } setup
                ? TypedResults.Ok(setup)
                : Problems.Conflict("Xác thực hai lớp đã bật; muốn đổi thiết bị, đề nghị quản trị viên đặt lại."))
            .WithSummary("Start TOTP enrolment: the secret (base32) and its otpauth:// address");
        me.MapPost("/confirm", async Task<IResult> (HttpContext http, MfaConfirmRequest? request, MfaEnrolmentHandler handler, CancellationToken ct) =>
            await handler.ConfirmAsync(http.User.UserId()!.Value, request?.Code, ct) is { } codes
                ? TypedResults.Ok(new MfaConfirmResponse(codes))
                : Problems.Validation("code", "Mã xác thực không đúng, hoặc chưa bắt đầu đăng ký."))
            .WithSummary("Confirm enrolment with one code; answers the ten recovery codes, shown once");
        me.MapPost("/disable", (HttpContext http, DisableMfaRequest? request, DisableMfaHandler handler, CancellationToken ct) =>
                handler.HandleAsync(http.User.UserId()!.Value, request, ct))
            .RequireRateLimiting(SignInRateLimits.SignIn)
            .WithSummary("A citizen turns TOTP off ({ password, code }); recovery codes and passkeys go too (logged)");
        app.MapPasskeysApi();
        app.MapPost("/api/accounts/me/password", (HttpContext http, ChangePasswordRequest? request, ChangePasswordHandler handler, CancellationToken ct) =>
                handler.HandleAsync(http.User, request, ct))
            .WithTags("Accounts").RequireAuthorization().RequireRateLimiting(SignInRateLimits.SignIn)
            .WithSummary("Change one's own password ({ currentPassword, newPassword }); every other session of the account ends");

        var admin = app.MapGroup("/api/accounts/{id:long}").WithTags("Accounts").RequireAuthorization(Permissions.OrganizationManage);
        admin.MapPost("/unlock", async Task<IResult> (long id, HttpContext http, AccountSecurityAdmin handler, CancellationToken ct) =>
            await handler.UnlockAsync(id, http.User.UserId()!.Value, ct) ? TypedResults.NoContent() : Problems.NotFound("Không có tài khoản này."))
            .WithSummary("Unlock an account locked after failed sign-ins (logged)");
        admin.MapPost("/reactivate", async Task<IResult> (long id, HttpContext http, AccountSecurityAdmin handler, CancellationToken ct) =>
            await handler.ReactivateAsync(id, http.User.UserId()!.Value, ct) ? TypedResults.NoContent() : Problems.NotFound("Không có tài khoản này."))
            .WithSummary("Let an officer account blocked after 45 days unused sign in again (logged)");
        admin.MapPost("/mfa/reset", async Task<IResult> (long id, HttpContext http, AccountSecurityAdmin handler, CancellationToken ct) =>
            await handler.ResetMfaAsync(id, http.User.UserId()!.Value, ct) ? TypedResults.NoContent() : Problems.NotFound("Không có tài khoản này."))
            .WithSummary("Remove an account's second factor and recovery codes (logged); the officer enrols again");
        return app;
    }
}
