using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Accounts.Security.Passkeys;

/// <summary>The caller's passkeys: GET list, POST options then POST the browser's answer, DELETE one.</summary>
public static class PasskeysApi
{
    public static IServiceCollection AddPasskeys(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PasskeyOptions>(configuration.GetSection(PasskeyOptions.Section));
        services.AddHttpContextAccessor();
        services.AddScoped<PasskeyCeremonies>();
        services.AddScoped<PasskeyManagement>();
        return services;
    }

    public static IEndpointRouteBuilder MapPasskeysApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/accounts/me/passkeys").WithTags("Accounts").RequireAuthorization();
        me.MapGet("/", async (HttpContext http, PasskeyManagement handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ListAsync(http.User.UserId()!.Value, ct))).WithSummary("The caller's passkeys (name, added, last used)");
        me.MapPost("/options", (HttpContext http, PasskeyManagement handler, CancellationToken ct) => handler.BeginAsync(http.User.UserId()!.Value, ct))
            .WithSummary("Start adding a passkey: { challengeId, options } for navigator.credentials.create");
        me.MapPost("/", (HttpContext http, PasskeyRegistration? request, PasskeyManagement handler, CancellationToken ct) => handler.FinishAsync(http.User.UserId()!.Value, request, ct))
            .WithSummary("Add a passkey: { challengeId, name, credential } with the browser's PublicKeyCredential (JSON)");
        me.MapDelete("/{id:long}", async Task<IResult> (long id, HttpContext http, PasskeyManagement handler, CancellationToken ct) =>
            await handler.RemoveAsync(http.User.UserId()!.Value, id, ct) ? TypedResults.NoContent() : Problems.NotFound("Không có khóa truy cập này."))
            .WithSummary("Remove one of the caller's passkeys (logged)");
        return app;
    }
}
