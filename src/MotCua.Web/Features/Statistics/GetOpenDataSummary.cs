using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Catalog;
using MotCua.Core.Dossiers;
using MotCua.Core.Statistics;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalog;
using MotCua.Web.Features.Statistics.Counters;

namespace MotCua.Web.Features.Statistics;

public sealed record CatalogueSummary(int Procedures, int FullyOnline, int PartlyOnline, int InformationOnly, IReadOnlyDictionary<string, int> LegacyLevels);
public sealed record DossierSummary(int Received, int Online, int InPersonOrPostal, int Solved, int SolvedOnTimeOrEarly, int SolvedLate,
    double? OnTimePercent, double? OnlinePercent, int Pending, int PendingOverdue, int Ratings, double? AverageRating);
public sealed record OpenDataSummaryResponse(string AsOf, int Year, CatalogueSummary Catalogue, DossierSummary Dossiers, string Convention);

/// <summary>
/// Public open data: the province's figures with no personal data — the catalogue by online level
/// (the "N procedures, M at level 3, K at level 4" of the provincial reports) and this year's
/// dossiers so far, counted with the Report 06a convention (received this year or carried into it).
/// </summary>
public sealed class OpenDataSummaryHandler(AppDbContext db, Report06aHandler report, IocQueries queries, TimeProvider time)
{
    public async Task<OpenDataSummaryResponse> HandleAsync(CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        var versions = await db.ProcedureVersions.AsNoTracking()
            .Where(v => v.State == VersionState.Published && v.EffectiveFrom <= today && (v.EffectiveTo == null || v.EffectiveTo > today))
            .OrderBy(v => v.Id).Select(v => new { v.OnlineLevel, v.Definition }).Take(50_000).ToListAsync(ct);
        var catalogue = new CatalogueSummary(versions.Count,
            versions.Count(v => v.OnlineLevel == OnlineLevel.FullyOnline), versions.Count(v => v.OnlineLevel == OnlineLevel.PartlyOnline),
            versions.Count(v => v.OnlineLevel == OnlineLevel.InformationOnly),
            versions.Where(v => v.Definition.LegacyLevel is not null).GroupBy(v => v.Definition.LegacyLevel!.Value)
                .OrderBy(g => g.Key).ToDictionary(g => g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), g => g.Count()));

        var year = new DateOnly(today.Year, 1, 1);
        var thisYear = ReportPeriod.Create(year, today, out var error) ?? throw new InvalidOperationException(error);
        var figures = (await report.HandleAsync(thisYear, null, null, null, null, ct)).Total.Figures;
        // Ratings given this year, by rating day: the IOC's satisfaction figures for the whole province.
        var satisfaction = await queries.SatisfactionAsync(null, today.Year, ct);
        var newTotal = figures.NewOnline + figures.NewInPersonOrPostal;
        var dossiers = new DossierSummary(figures.Received, figures.NewOnline, figures.NewInPersonOrPostal, figures.Solved,
            figures.SolvedEarly + figures.SolvedOnTime, figures.SolvedLate,
            IocHandler.Percent(figures.SolvedEarly + figures.SolvedOnTime, figures.Solved), IocHandler.Percent(figures.NewOnline, newTotal),
            figures.Pending, figures.PendingOverdue, satisfaction.Ratings, satisfaction.Average);
        return new OpenDataSummaryResponse(IsoDate.Format(today), today.Year, catalogue, dossiers, Report06aHandler.Convention);
    }

    public static async Task<IResult> Endpoint(OpenDataSummaryHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct));
}
