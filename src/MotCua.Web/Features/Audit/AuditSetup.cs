using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace MotCua.Web.Features.Audit;

public static class AuditSetup
{
    public static IServiceCollection AddAudit(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<AuditEnricher>();
        services.AddSingleton(configuration.GetSection(SyslogOptions.Section).Get<SyslogOptions>() ?? new SyslogOptions());
        services.AddSingleton(configuration.GetSection(AuditPipelineOptions.Section).Get<AuditPipelineOptions>() ?? new AuditPipelineOptions());
        services.AddSingleton<AuditShipper>();
        services.AddSingleton<AuditPipeline>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditPipeline>());
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();
        services.AddScoped<ListAuditEntriesHandler>();
        return services;
    }

    /// <summary>
    /// After authentication: any 403 the endpoint itself answers (e.g. a dossier action the officer
    /// may not take) becomes a security.access-denied row, unless the authorization layer recorded it.
    /// </summary>
    public static IApplicationBuilder UseAccessDeniedAudit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            await next(context);
            if (context.Response.StatusCode == StatusCodes.Status403Forbidden)
                await DeniedAccess.RecordAsync(context, "status-403");
        });
}

/// <summary>Records every authorization failure (authenticated but not allowed), then answers as usual.</summary>
public sealed class AuditingAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
        {
            var requirement = authorizeResult.AuthorizationFailure?.FailedRequirements.FirstOrDefault()?.ToString();
            await DeniedAccess.RecordAsync(context, requirement is { Length: > 200 } ? requirement[..200] : requirement);
        }
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
