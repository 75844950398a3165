using MotCua.Web.Features.Accounts;

namespace MotCua.Web.Features.Statistics;

/// <summary>Registration of the operations dashboard (IOC): its handler, its queries and its JSON endpoint.</summary>
public static class IocApi
{
    public static IServiceCollection AddIoc(this IServiceCollection services) =>
        services.AddScoped<IocHandler>().AddScoped<IocQueries>();

    public static IEndpointRouteBuilder MapIocApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/statistics/ioc", IocHandler.Endpoint).WithTags("Statistics")
            .RequireAuthorization(Permissions.StatisticsView)
            .Produces<IocResponse>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Operations dashboard (IOC): today, this month, this year (Report 06a figures), by channel, 12-month on-time trend, overdue by agency, busiest procedures, satisfaction; agency = agency code (with its children)");
        return app;
    }
}
