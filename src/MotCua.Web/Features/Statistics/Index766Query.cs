using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Statistics;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Organization;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Statistics;

public sealed record Index766Period(string From, string To, string Label);

/// <summary>A unit's score: points out of the maximum of the indicators that have a score, and each indicator with its formula and inputs.</summary>
public sealed record Index766Unit(decimal Points, decimal MaxPoints, IReadOnlyList<Indicator766Score> Indicators, IReadOnlyList<ProcessingTime766> ProcessingTimes);

public sealed record Index766Agency(string Code, string Name, int Rank, decimal Points, decimal MaxPoints, IReadOnlyList<Indicator766Score> Indicators);

public sealed record Index766NotComputable(string Id, string Name, decimal Pmax, string Reason);

/// <summary>
/// GET /api/statistics/766. <c>province</c> lists every indicator (those MotCua cannot compute with
/// computable = false and the reason); each agency lists the computable ones; <c>notComputable</c>
/// repeats the others with their reasons. <c>asOf</c> is the cut-off used for unfinished dossiers.
/// </summary>
public sealed record Index766Response(Index766Period Period, Index766Unit Province, IReadOnlyList<Index766Agency> Agencies,
    IReadOnlyList<Index766NotComputable> NotComputable, IReadOnlyList<string> Caveats, string AsOf);

/// <summary>Decision 766/QĐ-TTg service-quality index computed from MotCua's own data (DOMAIN B §5, §12.4; A.9).</summary>
public static class Index766Api
{
    public static IEndpointRouteBuilder MapIndex766Api(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/statistics/766", Endpoint).WithTags("Statistics")
            .RequireAuthorization(Permissions.StatisticsView)
            .WithSummary("Decision 766 index: period = yyyy | yyyy-Qn | yyyy-MM | yyyy-MM-dd..yyyy-MM-dd (Vietnam dates, inclusive); agency = code (with its children). Province score, agency ranking, formulas and inputs, indicators not computable and why");
        return app;
    }

    public static async Task<IResult> Endpoint(string? period, string? agency, Index766Handler handler, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var parsed = Parse(period, VietnamTime.Today(time), out var error);
        if (parsed is null)
            return Problems.Validation("period", error!);
        var (found, agencyId) = await AgencyTree.FindByCodeAsync(db, agency, ct);
        if (!found)
            return Problems.NotFound("Không có cơ quan với mã này.");
        return TypedResults.Ok(await handler.HandleAsync(parsed, agencyId, ct));
    }

    /// <summary>A period as <see cref="Period766.Parse"/> reads it, refused when it has not started: nothing is measured yet.</summary>
    public static Period766? Parse(string? text, DateOnly today, out string? error)
    {
        var period = Period766.Parse(text, out error);
        if (period is not null && period.From > today)
        {
            error = "Kỳ đánh giá chưa bắt đầu.";
            return null;
        }
        return period;
    }
}
