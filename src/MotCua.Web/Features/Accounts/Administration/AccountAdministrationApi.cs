namespace MotCua.Web.Features.Accounts.Administration;

/// <summary>Account administration (permission accounts.manage): disable, change roles. Both end the account's sessions.</summary>
public static class AccountAdministrationApi
{
    public static IServiceCollection AddAccountAdministration(this IServiceCollection services)
    {
        services.AddScoped<DisableAccountHandler>();
        services.AddScoped<ChangeAccountRolesHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapAccountAdministrationApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/accounts/{id:long}").WithTags("Accounts").RequireAuthorization(Permissions.AccountsManage);
        g.MapPost("/disable", DisableAccountHandler.Endpoint).WithSummary("Disable an account; its sessions and tokens end at once");
        g.MapPut("/roles", ChangeAccountRolesHandler.Endpoint).WithSummary("Replace an officer's roles ({ roles: [{ role, agencyCode }] }); its sessions end");
        return app;
    }
}
