using MotCua.Web.Features.Accounts;

namespace MotCua.Web.Features.Statistics;

/// <summary>The statistics feature's services and routes; each route's handler is in the file of its use case.</summary>
public static class StatisticsApi
{
    public static IServiceCollection AddStatistics(this IServiceCollection services) =>
        services.AddScoped<Report06aHandler>().AddScoped<Report06bHandler>().AddScoped<Report06aDossiersHandler>()
            .AddScoped<Index766Handler>().AddScoped<Evaluation01Handler>()
            .AddScoped<IocHandler>().AddScoped<IocQueries>().AddScoped<OpenDataSummaryHandler>()
            .AddScoped<DvcqgReconciliationHandler>().AddScoped<DvcqgReconciliationListHandler>();

    public static IEndpointRouteBuilder MapStatisticsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/statistics").WithTags("Statistics").RequireAuthorization(Permissions.StatisticsView);
        group.MapGet("/report-06a", Report06aHandler.Endpoint)
            .WithSummary("Report II.06a for a period (Vietnam dates, inclusive), by competent agency: from, to, agency, sector, procedure, channel; format=json|xlsx|pdf");
        group.MapGet("/report-06a/dossiers", Report06aDossiersHandler.Endpoint)
            .WithSummary("The dossiers behind one figure of Report II.06a: the report's from, to, agency, sector, procedure, channel, plus figure, "
                + "competentAgency (one row), page, pageSize; no applicant data; only the caller's agency and its units without statistics.province");
        group.MapGet("/report-06b", Report06bHandler.Endpoint)
            .WithSummary("Report 06b: the 06a columns by sector (groupBy=sector) or level of government (groupBy=level): from, to, agency, channel; format=json|xlsx|pdf");
        group.MapGet("/766", Index766Handler.Endpoint)
            .WithSummary("Decision 766 index: period = yyyy | yyyy-Qn | yyyy-MM | yyyy-MM-dd..yyyy-MM-dd (Vietnam dates, inclusive); agency = code (with its children). Province score, agency ranking, formulas and inputs, indicators not computable and why");
        group.MapGet("/evaluation-01", Evaluation01Handler.Endpoint)
            .WithSummary("Circular 01/2018/TT-VPCP evaluation (art. 13–15) for a period (Vietnam dates, inclusive): indicator scores and classification by competent agency and handling officer; from, to, agency; "
                + "officers of the caller's agency and its units only without statistics.province");
        group.MapGet("/ioc", IocHandler.Endpoint)
            .Produces<IocResponse>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Operations dashboard (IOC): today, this month, this year (Report 06a figures), by channel, 12-month on-time trend, overdue by agency, busiest procedures, satisfaction; agency = agency code (with its children)");
        group.MapGet("/dvcqg-reconciliation", DvcqgReconciliationListHandler.FiguresEndpoint)
            .WithSummary("DVCQG reconciliation: dossiers received in a period (from, to, Vietnam dates, inclusive) by competent agency (agency = code or name, with its children): "
                + "received, on the national portal (indicator 1.4), synced, pending, failed, never synced");
        group.MapGet("/dvcqg-reconciliation/dossiers", DvcqgReconciliationListHandler.ListEndpoint)
            .WithSummary("The dossiers behind one DVCQG reconciliation figure: from, to, agency, competentAgency (one row), figure, page, pageSize; no applicant data");
        app.MapGet("/api/open-data/summary", OpenDataSummaryHandler.Endpoint).WithTags("Statistics").AllowAnonymous()
            .WithSummary("Public figures without personal data: catalogue by online level, this year's dossiers, on-time and online shares, satisfaction");
        return app;
    }
}
