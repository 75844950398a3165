using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Integrations.Lgsp;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Integrations.Population;

/// <summary>
/// The population-database lookup for officers at the counter (<c>POST /api/integrations/population/lookups</c>,
/// permission to receive dossiers) and its monthly report (<c>GET /api/integrations/population/report?month=yyyy-MM</c>,
/// permission to view statistics). docs/integrations/lgsp-population.md
/// </summary>
public static class PopulationApi
{
    public static IServiceCollection AddPopulationLookup(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLgsp(configuration);
        var options = configuration.GetSection(PopulationOptions.Section).Get<PopulationOptions>() ?? new PopulationOptions();
        services.AddSingleton(options);
        var lgsp = configuration.GetSection(LgspOptions.Section).Get<LgspOptions>() ?? new LgspOptions();
        services.AddHttpClient(PopulationClient.HttpClientName, c =>
        {
            if (lgsp.IsConfigured)
                c.BaseAddress = new Uri(lgsp.BaseUrl!.EndsWith('/') ? lgsp.BaseUrl : lgsp.BaseUrl + "/");
            c.Timeout = TimeSpan.FromSeconds(lgsp.TimeoutSeconds * 2 + 5);
        }).AddLgspAuthentication();
        services.AddScoped<PopulationClient>();
        services.AddSingleton<PopulationProofs>();
        services.AddScoped<LookUpCitizenHandler>();
        services.AddScoped<PopulationReportHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapPopulationApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/integrations/population").WithTags("Integrations").RequireAuthorization();
        g.MapPost("/lookups", LookupAsync).WithSummary("Look a citizen up in the National Population Database (ID number + full name + birth date)");
        g.MapGet("/report", ReportAsync).WithSummary("Lookups per unit in a month (month=yyyy-MM)");
        return app;
    }

    private static async Task<IResult> LookupAsync(HttpContext http, PopulationLookupRequest? request, LookUpCitizenHandler handler, CancellationToken ct)
    {
        if (DossierActor.From(http.User) is not { } actor || !actor.Can(Permissions.DossierReceive))
            return Problems.Problem(403, "forbidden", "Không có quyền tra cứu Cơ sở dữ liệu quốc gia về dân cư");
        if (request is null)
            return Problems.Validation("body", "Thiếu nội dung yêu cầu.");
        var (result, errors) = await handler.HandleAsync(request, new PopulationLookupCaller(actor.UserId, actor.AgencyId, actor.Name, LookupPurpose.CounterIntake), ct);
        return result is null ? Problems.Validation(errors) : TypedResults.Ok(result);
    }

    private static async Task<IResult> ReportAsync(HttpContext http, string? month, PopulationReportHandler handler, CancellationToken ct)
    {
        if (DossierActor.From(http.User) is not { } actor || !actor.Can(Permissions.StatisticsView))
            return Problems.Problem(403, "forbidden", "Không có quyền xem báo cáo");
        if (!PopulationReportHandler.TryParseMonth(month, out var from))
            return Problems.Validation("month", "Tháng báo cáo theo dạng yyyy-MM.");
        return TypedResults.Ok(await handler.HandleAsync(from, ct));
    }
}
