using MotCua.Core.Statistics;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Statistics;

/// <summary>
/// The dossiers a period's report speaks of (Report II.06a col 3, and the populations of the
/// Decision 766 index and the Circular 01 evaluation, which reuse it): received before the period
/// ends and whose processing did not end before it starts — so ended in the period (solved,
/// withdrawn, stopped) or still pending at its end.
/// </summary>
public static class ReportPopulation
{
    public static IQueryable<Dossier> InReportPopulation(this IQueryable<Dossier> dossiers, ReportPeriod period)
    {
        var start = period.StartUtc;
        var end = period.EndUtc;
        return dossiers.Where(d => d.ReceivedAt != null && d.ReceivedAt < end
            && ((d.ProcessingEndedAt ?? d.EndedAt) == null || (d.ProcessingEndedAt ?? d.EndedAt) >= start));
    }

    /// <summary>Of the dossiers, those whose competent agency is in <paramref name="scope"/> (an agency and its units); all when null.</summary>
    public static IQueryable<Dossier> DecidedIn(this IQueryable<Dossier> dossiers, IReadOnlyCollection<long>? scope) =>
        scope is null ? dossiers : dossiers.Where(d => scope.Contains(d.CompetentAgencyId));
}
