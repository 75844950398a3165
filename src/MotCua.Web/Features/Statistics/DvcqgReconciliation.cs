using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Statistics;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Integrations.Core;
using MotCua.Web.Features.Integrations.Dvcqg;
using MotCua.Web.Features.Organization;

namespace MotCua.Web.Features.Statistics;

/// <summary>
/// The figures of the DVCQG reconciliation (docs/domain/decision-766.md#dvcqg-reconciliation). Synced,
/// pending, failed and never synced split the received dossiers by their current sync state
/// (<see cref="DossierSyncState.State"/>); on the portal (indicator 1.4's numerator) is every received
/// dossier the portal has acknowledged once, whatever its later updates.
/// </summary>
public enum DvcqgReconciliationFigure { Received, OnPortal, Synced, Pending, Failed, NeverSynced }

public sealed record DvcqgReconciliationFigures(int Received, int OnPortal, int Synced, int Pending, int Failed, int NeverSynced)
{
    /// <summary>Indicator 1.4's ratio in percent (on the portal / received); null when nothing was received.</summary>
    public decimal? SyncRatio => Score766.Ratio(OnPortal, Received);
}

public sealed record DvcqgReconciliationRow(string Code, string Name, DvcqgReconciliationFigures Figures);

/// <param name="SyncEnabled">Whether the sync is configured (an empty service URL switches it off and nothing is queued).</param>
public sealed record DvcqgReconciliationResponse(string From, string To, bool SyncEnabled, DvcqgReconciliationFigures Total, IReadOnlyList<DvcqgReconciliationRow> Agencies);

/// <summary>
/// Per period (dossiers received in it, Vietnam dates) and competent agency (with its units, as the
/// other reports), how many dossiers the national portal has, and where each stands with it. Figures
/// are counted by one grouped query over the dossiers and their DVCQG sync state; the lists behind
/// them (<see cref="DvcqgReconciliationList"/>) use <see cref="Matches"/>, the same rule per figure.
/// </summary>
public sealed class DvcqgReconciliationHandler(AppDbContext db, DvcqgOptions options)
{
    public async Task<DvcqgReconciliationResponse> HandleAsync(ReportPeriod period, long? agencyId, CancellationToken ct)
    {
        var dossiers = await ReceivedAsync(period, agencyId, ct);
        var rows = await (from d in dossiers
                          join s in db.DossierSyncStates.Where(s => s.Target == DvcqgOptions.Target) on d.Id equals s.DossierId into states
                          from s in states.DefaultIfEmpty()
                          select new
                          {
                              d.CompetentAgencyId,
                              State = s == null ? 0 : s.FailedSequence > s.DeliveredSequence ? 3 : s.DeliveredSequence >= s.ChangeSequence ? 2 : 1,
                              Known = s != null && s.KnownByTarget,
                          })
            .GroupBy(x => new { x.CompetentAgencyId, x.State, x.Known })
            .Select(g => new { g.Key.CompetentAgencyId, g.Key.State, g.Key.Known, Count = g.Count() })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.CompetentAgencyId).Distinct().ToList();
        var names = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Code, a.Name }).ToDictionaryAsync(a => a.Id, ct);
        DvcqgReconciliationFigures Sum(IEnumerable<(int State, bool Known, int Count)> g)
        {
            var list = g.ToList();
            return new DvcqgReconciliationFigures(list.Sum(x => x.Count), list.Where(x => x.Known).Sum(x => x.Count),
                list.Where(x => x.State == 2).Sum(x => x.Count), list.Where(x => x.State == 1).Sum(x => x.Count),
                list.Where(x => x.State == 3).Sum(x => x.Count), list.Where(x => x.State == 0).Sum(x => x.Count));
        }
        var agencies = rows.GroupBy(r => r.CompetentAgencyId)
            .Select(g => new DvcqgReconciliationRow(names[g.Key].Code, names[g.Key].Name, Sum(g.Select(x => (x.State, x.Known, x.Count)))))
            .OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        return new DvcqgReconciliationResponse(IsoDate(period.From), IsoDate(period.To), options.Enabled,
            Sum(rows.Select(x => (x.State, x.Known, x.Count))), agencies);
    }

    /// <summary>The dossiers received in the period whose competent agency is the agency or one of its units (all when null).</summary>
    public async Task<IQueryable<Dossier>> ReceivedAsync(ReportPeriod period, long? agencyId, CancellationToken ct)
    {
        var (start, end) = (period.StartUtc, period.EndUtc);
        var scope = agencyId is { } root ? await AgencyTree.SubtreeAsync(db, root, ct) : null;
        return db.Dossiers.AsNoTracking().Where(d => d.ReceivedAt >= start && d.ReceivedAt < end).DecidedIn(scope);
    }

    /// <summary>The rule of one figure over a received dossier, as the grouped count applies it.</summary>
    public Expression<Func<Dossier, bool>> Matches(DvcqgReconciliationFigure figure)
    {
        var states = db.DossierSyncStates.Where(s => s.Target == DvcqgOptions.Target);
        return figure switch
        {
            DvcqgReconciliationFigure.OnPortal => d => states.Any(s => s.DossierId == d.Id && s.KnownByTarget),
            DvcqgReconciliationFigure.Synced => d => states.Any(s => s.DossierId == d.Id && s.FailedSequence <= s.DeliveredSequence && s.DeliveredSequence >= s.ChangeSequence),
            DvcqgReconciliationFigure.Pending => d => states.Any(s => s.DossierId == d.Id && s.FailedSequence <= s.DeliveredSequence && s.DeliveredSequence < s.ChangeSequence),
            DvcqgReconciliationFigure.Failed => d => states.Any(s => s.DossierId == d.Id && s.FailedSequence > s.DeliveredSequence),
            DvcqgReconciliationFigure.NeverSynced => d => !states.Any(s => s.DossierId == d.Id),
            _ => d => true,
        };
    }

    /// <summary>The figure as the API names it (camelCase, like the figures' JSON).</summary>
    public static string Key(DvcqgReconciliationFigure figure) => JsonNamingPolicy.CamelCase.ConvertName(figure.ToString());

    public static string Name(DvcqgReconciliationFigure figure) => figure switch
    {
        DvcqgReconciliationFigure.Received => "Hồ sơ tiếp nhận",
        DvcqgReconciliationFigure.OnPortal => "Hồ sơ đã có trên Cổng DVCQG",
        DvcqgReconciliationFigure.Synced => "Hồ sơ đã đồng bộ đầy đủ",
        DvcqgReconciliationFigure.Pending => "Hồ sơ đang chờ đồng bộ",
        DvcqgReconciliationFigure.Failed => "Hồ sơ đồng bộ lỗi",
        _ => "Hồ sơ chưa từng đồng bộ",
    };

    private static string IsoDate(DateOnly d) => MotCua.Core.Calendar.IsoDate.Format(d);
}
