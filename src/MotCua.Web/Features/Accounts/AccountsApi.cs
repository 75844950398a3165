namespace MotCua.Web.Features.Accounts;

/// <summary>
/// The account routes besides sign-in: sign-up, the applicant's profile, and the officers of the
/// caller's agency. Sign-in (<c>/api/auth/token</c>) and authentication stay in <see cref="AccountsSetup"/>.
/// </summary>
public static class AccountsApi
{
    public static IServiceCollection AddAccountsApi(this IServiceCollection services)
    {
        services.AddScoped<SignUpHandler>();
        services.AddScoped<ListOfficersHandler>();
        services.AddScoped<ProfileHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapAccountRoutes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/officers", ListOfficersHandler.Endpoint).WithTags("Accounts").RequireAuthorization().WithSummary("Officers of the caller's agency with a role");
        app.MapGet("/api/accounts/me", ProfileHandler.GetEndpoint).WithTags("Accounts").RequireAuthorization().WithSummary("The applicant's profile");
        app.MapPut("/api/accounts/me", ProfileHandler.PutEndpoint).WithTags("Accounts").RequireAuthorization().WithSummary("Change contact details and address");
        app.MapPost("/api/accounts", SignUpHandler.Endpoint).WithTags("Accounts").WithSummary("Sign up as a citizen or business").AllowAnonymous()
            .RequireRateLimiting(Security.SignInRateLimits.SignUp).WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(Security.SignUpRules.MaxRequestBytes));
        return app;
    }
}
