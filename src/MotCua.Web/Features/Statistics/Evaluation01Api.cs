using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Organization;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Statistics;

/// <summary>GET /api/statistics/evaluation-01: the Circular 01/2018 evaluation, validated like Report 06a.</summary>
public static class Evaluation01Api
{
    public static IEndpointRouteBuilder MapEvaluation01Api(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/statistics/evaluation-01", Endpoint).WithTags("Statistics")
            .RequireAuthorization(Permissions.StatisticsView)
            .WithSummary("Circular 01/2018/TT-VPCP evaluation (art. 13–15) for a period (Vietnam dates, inclusive): indicator scores and classification by competent agency and handling officer; from, to, agency");
        return app;
    }

    public static async Task<IResult> Endpoint(string? from, string? to, string? agency, Evaluation01Handler handler, AppDbContext db, CancellationToken ct)
    {
        var (f, t, problem) = ParsePeriod(from, to);
        if (problem is not null)
            return problem;
        var (found, agencyId) = await AgencyTree.FindByCodeAsync(db, agency, ct);
        if (!found)
            return Problems.NotFound("Không có cơ quan với mã này.");
        return TypedResults.Ok(await handler.HandleAsync(f, t, agencyId, ct));
    }

    /// <summary>The period rules of /api/statistics/report-06a: both dates, the end not before the start, at most ten years.</summary>
    public static (DateOnly From, DateOnly To, IResult? Problem) ParsePeriod(string? from, string? to)
    {
        var q = new QueryParsing();
        var f = q.RequiredDate(from, "from");
        var t = q.RequiredDate(to, "to");
        if (!q.Ok)
            return (default, default, Problems.Validation(q.Errors));
        if (t!.Value < f!.Value)
            return (default, default, Problems.Validation("to", "Ngày kết thúc phải sau ngày bắt đầu."));
        if (t.Value.DayNumber - f.Value.DayNumber > 3660)
            return (default, default, Problems.Validation("to", "Kỳ đánh giá tối đa 10 năm."));
        return (f.Value, t.Value, null);
    }
}
